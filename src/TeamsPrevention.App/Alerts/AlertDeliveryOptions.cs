using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Alerts;

/// <summary>The <c>Alerts:Delivery</c> section: how the outbox is worked (Teams limits come from here, never constants).</summary>
public sealed class AlertDeliveryOptions
{
    /// <summary>Run the delivery and escalation background service in this instance.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Connector writes per second for the whole tenant, all instances together (Teams: 50 per app per tenant, older
    /// revisions 30). Each live instance paces itself at its share (this divided by the live instances).
    /// </summary>
    [Range(1, 1000)]
    public int TenantPerSecond { get; set; } = 50;

    /// <summary>Fraction of <see cref="TenantPerSecond"/> left unused as room for network jitter (0.02 = pace at 98 %).</summary>
    [Range(0.0, 0.5)]
    public double TenantMargin { get; set; } = 0.02;

    /// <summary>429s within one second that mean the tenant's limit (not one thread's) is reached, when they are also at least one write in three of that second: the whole tenant then pauses for the Retry-After.</summary>
    [Range(1, 1000)]
    public int TenantPauseAfterThrottled { get; set; } = 10;

    /// <summary>How often this instance records that it is alive (its share of the tenant's budget follows the live instances).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>An instance not heard of for this long no longer counts (its share goes back to the others).</summary>
    public TimeSpan InstanceTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sends per second in one conversation (Teams: 7 per second per thread).</summary>
    [Range(1, 100)]
    public int ThreadPerSecond { get; set; } = 7;

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

    /// <summary>The Bot Connector to open personal chats on when none is known for the person (sandbox: <c>{S}connector/</c>).</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The app's Teams catalog id, to install it for a person through Graph (default: the bot's client id).</summary>
    public string? TeamsAppId { get; set; }
}
