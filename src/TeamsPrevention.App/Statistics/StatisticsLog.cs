namespace TeamsPrevention.App.Statistics;

/// <summary>Statistics log events: ids 3400–3449. Sizes only, never counts of people or codes.</summary>
internal static partial class StatisticsLog
{
    [LoggerMessage(3400, LogLevel.Debug, "Statistics computed over {Months} months, {Suppressed} cells suppressed")]
    public static partial void Computed(ILogger logger, int months, int suppressed);
}
