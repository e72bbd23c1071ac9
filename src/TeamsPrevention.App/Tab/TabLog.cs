namespace TeamsPrevention.App.Tab;

/// <summary>Tab log events: ids 2400–2499. Never tokens or personal data.</summary>
internal static partial class TabLog
{
    [LoggerMessage(2400, LogLevel.Information, "Tab API refused a bearer token ({Reason})")]
    public static partial void TokenRejected(ILogger logger, string reason);
}
