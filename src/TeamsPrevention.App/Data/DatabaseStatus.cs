namespace TeamsPrevention.App.Data;

/// <summary>Whether migrations and start-up tasks have completed; read by the readiness check.</summary>
public sealed class DatabaseStatus
{
    private volatile bool _ready;
    private volatile string? _lastError;

    public bool IsReady => _ready;

    /// <summary>The exception type of the last failed attempt (never its message, which may carry a connection string).</summary>
    public string? LastError => _lastError;

    internal void MarkReady()
    {
        _lastError = null;
        _ready = true;
    }

    internal void MarkFailed(Exception exception) => _lastError = exception.GetType().Name;
}
