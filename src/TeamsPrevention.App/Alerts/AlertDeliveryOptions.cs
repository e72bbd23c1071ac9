using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Alerts;

/// <summary>The <c>Alerts:Delivery</c> section: how the outbox is worked (Teams limits come from here, never constants).</summary>
public sealed class AlertDeliveryOptions
{
    /// <summary>Run the delivery and escalation background service in this instance.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sends per second for the whole tenant, from this instance (Teams: 50 per app per tenant; older revisions 30).</summary>
    [Range(1, 1000)]
    public int TenantPerSecond { get; set; } = 50;

    /// <summary>Sends per second in one conversation (Teams: 7 per second per thread).</summary>
    [Range(1, 100)]
    public int ThreadPerSecond { get; set; } = 7;

    /// <summary>Rows claimed per round.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Sends in flight at once in this instance.</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 32;

    /// <summary>How long a claimed row stays reserved for this instance; a crashed instance's rows are taken over after it. Keep it longer than the connector's worst-case retries (Bot:Connector) or a slow send may be taken over and sent twice.</summary>
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
