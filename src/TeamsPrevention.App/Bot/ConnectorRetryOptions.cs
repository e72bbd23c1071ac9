using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Bot;

/// <summary>How the connector client retries throttled and failed calls. Bound from <c>Bot:Connector</c>.</summary>
public sealed class ConnectorRetryOptions
{
    /// <summary>Attempts per call, the first one included.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first backoff delay when no <c>Retry-After</c> is given; doubled per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts, <c>Retry-After</c> included.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The time one attempt may take before it counts as a timeout (and is retried).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
