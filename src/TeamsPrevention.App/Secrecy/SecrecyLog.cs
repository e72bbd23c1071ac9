namespace TeamsPrevention.App.Secrecy;

/// <summary>Secrecy log events: ids 3300–3349 (the Cards range). Never an object id or a name.</summary>
internal static partial class SecrecyLog
{
    [LoggerMessage(3300, LogLevel.Information, "Secrecy commitment {Scope} v{TextVersion} acknowledged")]
    public static partial void Acknowledged(ILogger logger, string scope, int textVersion);

    [LoggerMessage(3301, LogLevel.Debug, "Secrecy commitment {Scope} v{TextVersion} already acknowledged: nothing recorded")]
    public static partial void AlreadyAcknowledged(ILogger logger, string scope, int textVersion);

    [LoggerMessage(3302, LogLevel.Information, "Secrecy commitment card sent after the welcome")]
    public static partial void CardSent(ILogger logger);

    [LoggerMessage(3303, LogLevel.Debug, "Secrecy commitment card not sent: {Reason}")]
    public static partial void CardNotSent(ILogger logger, string reason);

    [LoggerMessage(3304, LogLevel.Warning, "Secrecy commitment refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);
}
