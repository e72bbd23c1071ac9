namespace TeamsPrevention.App.Alerts;

/// <summary>Everything an alert card may show: codes, categories, organisations and times, never a person.</summary>
public sealed record AlertCardView(
    Guid AlertId,
    string Reference,
    string? SituationCode,
    AlertSeverity Severity,
    AlertCategory Category,
    string SenderOrganisation,
    DateTimeOffset Deadline,
    bool Withdrawn,
    int Version,
    IReadOnlyList<AlertCardAnswer> Answers);
