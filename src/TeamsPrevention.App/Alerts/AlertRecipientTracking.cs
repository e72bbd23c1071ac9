namespace TeamsPrevention.App.Alerts;

/// <summary>One recipient's state: the answer (and who gave it, for an organisation) and how far it escalated.</summary>
public sealed record AlertRecipientTracking(
    Guid Id,
    AlertRecipientKind Kind,
    string Name,
    AlertAudienceSource ChosenAs,
    AlertAnswer? Answer,
    DateTimeOffset? AnsweredAt,
    string? AnsweredBy,
    int EscalationLevel,
    DateTimeOffset? EscalationDueAt,
    IReadOnlyList<string> EscalatedTo);
