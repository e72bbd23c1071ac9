using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// One answer as asked: to which alert, which answer, and who — a person already known (the tab), or the ids a card's
/// invoke carries (Entra object id, else Teams user id), resolved with the rest of the batch by
/// <see cref="AlertService.RecordAnswers"/>.
/// </summary>
public sealed record AlertAnswerRequest(Guid AlertId, AlertAnswer Answer, DirectoryPerson? Person, Guid? EntraObjectId, string? TeamsUserId)
{
    public static AlertAnswerRequest ByPerson(Guid alertId, AlertAnswer answer, DirectoryPerson person) => new(alertId, answer, person, null, null);
}
