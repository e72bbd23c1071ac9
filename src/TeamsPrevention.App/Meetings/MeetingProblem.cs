using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Meetings;

/// <summary>A refusal shown as ProblemDetails (French title).</summary>
public sealed class MeetingProblem(int status, string title, IDictionary<string, string[]>? errors = null)
    : ProblemException(status, title, null, errors)
{
    public static MeetingProblem NotFound() => new(StatusCodes.Status404NotFound, "Réunion introuvable.");

    public static MeetingProblem Forbidden(string title) => new(StatusCodes.Status403Forbidden, title);

    public static MeetingProblem Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "Données invalides.", new Dictionary<string, string[]> { [field] = [message] });
}
