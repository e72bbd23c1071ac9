namespace TeamsPrevention.Sandbox;

/// <summary>Sandbox log events: ids 3000–3099. Never bodies, tokens or personal data.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(3000, LogLevel.Information, "Sandbox tenant reset to its seed")]
    public static partial void StateReset(ILogger logger);

    [LoggerMessage(3001, LogLevel.Information, "Sandbox signing keys rotated ({Scope})")]
    public static partial void KeysRotated(ILogger logger, string scope);

    [LoggerMessage(3002, LogLevel.Information, "Sandbox fault {Fault} injected on {Method} {Route}")]
    public static partial void FaultInjected(ILogger logger, string fault, string method, string route);

    [LoggerMessage(3003, LogLevel.Warning, "The bot endpoint did not answer the {ActivityType} activity ({Reason})")]
    public static partial void BotUnreachable(ILogger logger, string activityType, string reason);

    [LoggerMessage(3004, LogLevel.Information, "Sandbox fault rules replaced ({Count} rules)")]
    public static partial void FaultsApplied(ILogger logger, int count);
}
