namespace TeamsPrevention.Sandbox.Realism;

/// <summary>Whether a request was admitted, and if not how long until a retry can pass.</summary>
public readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    /// <summary>Whole seconds for the <c>Retry-After</c> header (rounded up, at least 1).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
