using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Alerts;

/// <summary>A new alert as its sender writes it: who must answer is chosen as people, organisations, roles or a situation's need-to-know list.</summary>
public sealed record AlertDraft(
    AlertSeverity Severity,
    AlertCategory Category,
    string Message,
    string? SituationCode = null,
    IReadOnlyList<Guid>? People = null,
    IReadOnlyList<Guid>? Organisations = null,
    IReadOnlyList<DirectoryRole>? Roles = null,
    bool NeedToKnow = false);
