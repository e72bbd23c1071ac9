namespace TeamsPrevention.Sandbox.Realism;

/// <summary>
/// A fault injected into requests matching <see cref="Method"/> (empty: any) and <see cref="Path"/>, a glob relative to
/// <c>/sandbox/</c> where <c>*</c> is one path segment and <c>**</c> any number (e.g.
/// <c>connector/v3/conversations/*/activities</c>, <c>graph/**</c>). <see cref="Rate"/> (0–1) of the matching
/// requests get the fault; every matching request waits <see cref="LatencyMs"/> first.
/// </summary>
public sealed record FaultRule
{
    public string? Method { get; init; }

    public string Path { get; init; } = "**";

    /// <summary><c>status</c> (answer <see cref="Status"/>), <c>timeout</c> (never answer), <c>drop</c> (abort the connection), <c>none</c> (latency only).</summary>
    public string Fault { get; init; } = "status";

    /// <summary>Status answered by a <c>status</c> fault: 429, 500 or 503 (any 4xx/5xx is accepted).</summary>
    public int Status { get; init; } = 503;

    /// <summary>Retry-After sent with a 429 or 503 fault, in seconds (none when null).</summary>
    public int? RetryAfterSeconds { get; init; }

    public double Rate { get; init; } = 1.0;

    public int LatencyMs { get; init; }
}
