namespace TeamsPrevention.App.Alerts;

/// <summary>
/// An alert as its sender (or the Chair or a Coordinator) follows it in the tab: live counts and each recipient.
/// <paramref name="Restricted"/>: the follower may not see the alert's situation (need-to-know), so neither its code nor
/// its message is given — only its metadata (severity, category, counts, deadlines, recipients).
/// </summary>
public sealed record AlertTracking(
    Guid Id,
    string Reference,
    AlertSeverity Severity,
    AlertCategory Category,
    string? SituationCode,
    string? Message,
    string SenderOrganisation,
    DateTimeOffset CreatedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? WithdrawnAt,
    AlertCounts Counts,
    IReadOnlyList<AlertRecipientTracking> Recipients,
    IReadOnlyList<AlertDeliveryTracking> Deliveries,
    bool Restricted = false);
