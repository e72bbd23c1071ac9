using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Alerts;

/// <summary>One answer to record: what <see cref="AlertService.AnswerAsync"/> decided outside the transaction.</summary>
public sealed record AlertAnswerWrite(
    Guid AlertId,
    string? SituationCode,
    DirectoryPerson Person,
    AlertAnswer Answer,
    IReadOnlyList<Guid> RecipientIds,
    bool ScheduleCardUpdate);
