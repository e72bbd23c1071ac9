namespace TeamsPrevention.Sandbox.Realism;

/// <summary>One request the sandbox received, as Microsoft 365 would have seen it.</summary>
/// <param name="Sequence">Increasing number, to read the log in order or from a point on.</param>
/// <param name="Path">Path and query string.</param>
/// <param name="Body">Request body (truncated; secrets in token requests replaced by <c>***</c>).</param>
/// <param name="Status">Status code answered; 0 when the connection was dropped or the client gave up.</param>
/// <param name="TenantId">Tenant of the caller's token, when known.</param>
/// <param name="AppId">Client (app) id of the caller, when known.</param>
/// <param name="Fault">The injected fault, if any (<c>status:503</c>, <c>timeout</c>, <c>drop</c>).</param>
public sealed record TrafficEntry(
    long Sequence,
    DateTimeOffset Time,
    string Method,
    string Path,
    string? Body,
    int Status,
    double DurationMs,
    string? TenantId,
    string? AppId,
    string? Fault);
