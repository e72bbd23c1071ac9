namespace TeamsPrevention.App.Meetings;

/// <summary>A refusal shown as ProblemDetails (French title).</summary>
public sealed class MeetingProblem(int status, string title, IDictionary<string, string[]>? errors = null) : Exception(title)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public IDictionary<string, string[]>? Errors { get; } = errors;

    public static MeetingProblem NotFound() => new(StatusCodes.Status404NotFound, "Réunion introuvable.");

    public static MeetingProblem Forbidden(string title) => new(StatusCodes.Status403Forbidden, title);

    public static MeetingProblem Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "Données invalides.", new Dictionary<string, string[]> { [field] = [message] });
}
