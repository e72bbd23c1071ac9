namespace TeamsPrevention.App.Alerts;

/// <summary>An alert as its sender (or the Chair or a Coordinator) follows it in the tab: live counts and each recipient.</summary>
public sealed record AlertTracking(
    Guid Id,
    string Reference,
    AlertSeverity Severity,
    AlertCategory Category,
    string? SituationCode,
    string Message,
    string SenderOrganisation,
    DateTimeOffset CreatedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? WithdrawnAt,
    AlertCounts Counts,
    IReadOnlyList<AlertRecipientTracking> Recipients,
    IReadOnlyList<AlertDeliveryTracking> Deliveries);
