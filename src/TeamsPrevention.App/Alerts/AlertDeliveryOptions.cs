using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Alerts;

/// <summary>The <c>Alerts:Delivery</c> section: how the outbox is worked (the Teams limits it keeps to are <c>Bot:Pacing</c>).</summary>
public sealed class AlertDeliveryOptions
{
    /// <summary>Run the delivery and escalation background service in this instance.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often this instance records that it is alive: its share of the tenant's connector budget (<c>Bot:Pacing</c>)
    /// follows the live instances, and its leases are taken over once it stops.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>An instance not heard of for this long no longer counts (its share goes back to the others).</summary>
    public TimeSpan InstanceTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Rows claimed per round.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Sends in flight at once in this instance.</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 64;

    /// <summary>
    /// How long a claimed row stays reserved for this instance at most. A crashed instance's rows are taken over sooner,
    /// once its heartbeat is older than <see cref="InstanceTimeout"/>; the lease only bounds an instance that keeps
    /// beating but never finishes. Keep it longer than the connector's worst-case retries (Bot:Connector).
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rounds of sending (each with the connector's own retries) before a row fails for good.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
