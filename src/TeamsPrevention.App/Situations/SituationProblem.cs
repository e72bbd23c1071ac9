using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// A step refused (nothing was changed): 404 when the person may not know the situation, 403 when the role may not
/// take the step, 409 when the situation is not in a state that allows it, 400 for bad input. Titles are French
/// (users read them); they never carry personal data.
/// </summary>
public sealed class SituationProblem(int status, string title, string? detail = null, IDictionary<string, string[]>? errors = null)
    : ProblemException(status, title, detail, errors)
{
    public static SituationProblem NotFound() => new(404, "Situation introuvable.");

    public static SituationProblem Forbidden(string detail) => new(403, "Action non autorisée pour votre rôle.", detail);

    public static SituationProblem WrongState(SituationStatus status, string step) =>
        new(409, "Étape impossible dans l'état actuel de la situation.", $"{step} : impossible depuis l'état {status}.");

    public static SituationProblem Invalid(string field, string message) =>
        new(400, "Données invalides.", null, new Dictionary<string, string[]> { [field] = [message] });
}
