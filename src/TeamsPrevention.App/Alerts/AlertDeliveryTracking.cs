namespace TeamsPrevention.App.Alerts;

/// <summary>One card: to whom, why, and whether it went out (with the reason of a failure).</summary>
public sealed record AlertDeliveryTracking(
    Guid Id,
    Guid RecipientId,
    string Person,
    AlertAudienceSource Reason,
    AlertDeliveryStatus Status,
    DateTimeOffset? SentAt,
    int Attempts,
    string? FailureReason);
