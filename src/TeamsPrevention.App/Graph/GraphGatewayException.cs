namespace TeamsPrevention.App.Graph;

/// <summary>
/// A Graph call that did not happen as asked. The message names the operation, the HTTP status and Graph's error
/// code, never Graph's text (which can name people).
/// </summary>
public sealed class GraphGatewayException(
    GraphFailure kind, string operation, int? status, string? graphCode, TimeSpan? retryAfter, Exception? inner)
    : Exception($"Graph {operation} failed: {kind} (HTTP {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, code {graphCode ?? "-"})", inner)
{
    public GraphFailure Kind { get; } = kind;

    public string Operation { get; } = operation;

    public int? Status { get; } = status;

    public string? GraphCode { get; } = graphCode;

    /// <summary>When throttled, how long Graph asked to wait (if it said).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Not done now, may succeed later (throttled or transient).</summary>
    public bool IsRetryable => Kind is GraphFailure.Throttled or GraphFailure.Transient;
}
