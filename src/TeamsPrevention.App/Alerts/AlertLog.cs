namespace TeamsPrevention.App.Alerts;

/// <summary>Alert log events: ids 2700–2899. Ids of alerts and rows only; never names, messages or Teams ids.</summary>
internal static partial class AlertLog
{
    [LoggerMessage(2700, LogLevel.Information, "Alert {AlertId} created ({Severity}): {Recipients} recipients, {Deliveries} cards queued")]
    public static partial void Created(ILogger logger, Guid alertId, AlertSeverity severity, int recipients, int deliveries);

    [LoggerMessage(2701, LogLevel.Information, "Alert {AlertId} answered ({Answer}) for {Count} recipients")]
    public static partial void Answered(ILogger logger, Guid alertId, AlertAnswer answer, int count);

    [LoggerMessage(2702, LogLevel.Information, "Alert {AlertId} withdrawn")]
    public static partial void Withdrawn(ILogger logger, Guid alertId);

    [LoggerMessage(2710, LogLevel.Warning, "Delivery {DeliveryId} failed for good: {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, Guid deliveryId, string reason);

    [LoggerMessage(2711, LogLevel.Information, "Delivery {DeliveryId} postponed (attempt {Attempt}, {Reason}) for {Delay}")]
    public static partial void DeliveryPostponed(ILogger logger, Guid deliveryId, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(2712, LogLevel.Warning, "Delivery {DeliveryId}: the lease was lost while sending; the card may have been sent twice")]
    public static partial void LeaseLost(ILogger logger, Guid deliveryId);



    [LoggerMessage(2714, LogLevel.Error, "Delivery {DeliveryId} failed unexpectedly; retried later")]
    public static partial void DeliveryError(ILogger logger, Exception exception, Guid deliveryId);

    [LoggerMessage(2720, LogLevel.Information, "Alert recipient {RecipientId} escalated to level {Level} ({People} people)")]
    public static partial void Escalated(ILogger logger, Guid recipientId, int level, int people);

    [LoggerMessage(2721, LogLevel.Error, "Escalation of recipient {RecipientId} failed; retried later")]
    public static partial void EscalationError(ILogger logger, Exception exception, Guid recipientId);

    [LoggerMessage(2730, LogLevel.Error, "The alert worker's round failed; it continues")]
    public static partial void WorkerError(ILogger logger, Exception exception);

    [LoggerMessage(2740, LogLevel.Information, "Demo alerts seeded: {Count} fictitious alerts")]
    public static partial void DemoAlertsSeeded(ILogger logger, int count);

    [LoggerMessage(2741, LogLevel.Information, "Demo alerts not seeded: alerts exist or the demo directory is missing")]
    public static partial void DemoAlertsSkipped(ILogger logger);
}
