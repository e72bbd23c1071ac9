namespace TeamsPrevention.App.Bot;

/// <summary>
/// Bot log events: ids 2000–2199. Only categories, activity types and outcomes are logged: never message text,
/// tokens, names or identifiers of people.
/// </summary>
internal static partial class BotLog
{
    [LoggerMessage(2000, LogLevel.Warning, "Bot request refused: {Reason}")]
    public static partial void Unauthenticated(ILogger logger, AuthFailure reason);

    [LoggerMessage(2001, LogLevel.Warning, "Bot request refused: the body is larger than {MaxBytes} bytes")]
    public static partial void TooLarge(ILogger logger, int maxBytes);

    [LoggerMessage(2002, LogLevel.Warning, "Bot request refused: {Problem}")]
    public static partial void BadActivity(ILogger logger, string problem);

    [LoggerMessage(2003, LogLevel.Information, "Activity accepted without a token (Bot:AllowAnonymous)")]
    public static partial void AnonymousAccepted(ILogger logger);

    [LoggerMessage(2004, LogLevel.Information, "Key not found in the {Issuer} signing keys: metadata refreshed")]
    public static partial void SigningKeysRefreshed(ILogger logger, string issuer);

    [LoggerMessage(2010, LogLevel.Information, "Turn {ActivityType} ({Name}) in a {Kind} conversation: {Outcome}")]
    public static partial void Turn(ILogger logger, string activityType, string? name, ConversationKind kind, TurnOutcome outcome);

    [LoggerMessage(2011, LogLevel.Error, "Turn {ActivityType} ({Name}) in a {Kind} conversation failed")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string activityType, string? name, ConversationKind kind);

    [LoggerMessage(2020, LogLevel.Information, "Conversation reference stored for a {Kind} conversation (installed: {Installed})")]
    public static partial void ReferenceStored(ILogger logger, ConversationKind kind, bool installed);

    [LoggerMessage(2021, LogLevel.Information, "Conversation reference not stored: the activity is anonymous or its serviceUrl is not one of the channel's (Bot:ChannelServiceUrls)")]
    public static partial void ReferenceNotStored(ILogger logger);

    [LoggerMessage(2030, LogLevel.Warning, "Bot Connector {Operation} answered {StatusCode}; attempt {Attempt} of {MaxAttempts}, retrying in {Delay}")]
    public static partial void ConnectorRetry(ILogger logger, string operation, int statusCode, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(2031, LogLevel.Warning, "Bot Connector {Operation} did not answer in time; attempt {Attempt} of {MaxAttempts}, retrying in {Delay}")]
    public static partial void ConnectorTimeoutRetry(ILogger logger, string operation, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(2032, LogLevel.Warning, "Bot Connector {Operation} failed: {Failure} ({StatusCode})")]
    public static partial void ConnectorFailed(ILogger logger, string operation, ConnectorFailure failure, int statusCode);

    [LoggerMessage(2040, LogLevel.Information, "App installed for a person through Graph (the bot was not in their roster)")]
    public static partial void AppInstalled(ILogger logger);

    [LoggerMessage(2041, LogLevel.Warning, "A person's stored chat did not answer: opened again through the tenant's service address")]
    public static partial void ChatReopened(ILogger logger);
}
