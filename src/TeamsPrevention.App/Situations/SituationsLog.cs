namespace TeamsPrevention.App.Situations;

/// <summary>Situations log events: ids 2500–2699. Codes and internal ids only: never a name, a text or an object id.</summary>
internal static partial class SituationsLog
{
    [LoggerMessage(2500, LogLevel.Information, "Situation {Code} recorded")]
    public static partial void Reported(ILogger logger, string code);

    [LoggerMessage(2501, LogLevel.Information, "Situation {Code}: {Step} done")]
    public static partial void StepDone(ILogger logger, string code, SituationStep step);

    [LoggerMessage(2502, LogLevel.Warning, "Situation step {Step} refused ({Status})")]
    public static partial void StepRefused(ILogger logger, SituationStep step, int status);

    [LoggerMessage(2503, LogLevel.Warning, "Situation code collision, drawing again")]
    public static partial void CodeCollision(ILogger logger);

    [LoggerMessage(2504, LogLevel.Warning, "Break-glass access to situation {Code}")]
    public static partial void BreakGlass(ILogger logger, string code);

    [LoggerMessage(2510, LogLevel.Information, "Channel of situation {Code}: {Outcome}")]
    public static partial void Channel(ILogger logger, string code, string outcome);

    [LoggerMessage(2511, LogLevel.Warning, "Channel of situation {Code} not synchronised: {Failure}")]
    public static partial void ChannelFailed(ILogger logger, string code, string failure);

    [LoggerMessage(2512, LogLevel.Information, "Channel worker pass: {Claimed} situations claimed")]
    public static partial void Pass(ILogger logger, int claimed);

    [LoggerMessage(2513, LogLevel.Error, "Channel worker pass failed: {Error}")]
    public static partial void PassFailed(ILogger logger, string error);

    [LoggerMessage(2520, LogLevel.Information, "Situation {Code} purged ({Category})")]
    public static partial void Purged(ILogger logger, string code, string category);

    [LoggerMessage(2530, LogLevel.Information, "Notification about {Code} sent to {Count} people")]
    public static partial void Notified(ILogger logger, string code, int count);

    [LoggerMessage(2550, LogLevel.Information, "Cell team cleanup: {Count} people the product had added, on no situation's list any more, removed")]
    public static partial void TeamCleanup(ILogger logger, int count);

    [LoggerMessage(2540, LogLevel.Information, "Demo history seeded: {Count} fictitious situations")]
    public static partial void DemoHistorySeeded(ILogger logger, int count);

    [LoggerMessage(2541, LogLevel.Information, "Demo history not seeded: situations exist or the demo directory is missing")]
    public static partial void DemoHistorySkipped(ILogger logger);
}
