using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Resources;

/// <summary>A refused request (nothing changed), answered as ProblemDetails with a French title and no personal data.</summary>
public sealed class ResourceProblem(int status, string title, string? detail = null, IDictionary<string, string[]>? errors = null)
    : ProblemException(status, title, detail, errors)
{
    /// <summary>The field error for text that looks like contact or identity data (the library is non-personal).</summary>
    public const string PersonalDataMessage =
        "Le texte semble contenir des données personnelles (adresse e-mail, numéro de téléphone ou de registre national). " +
        "La bibliothèque est non nominative : indiquez l'organisation comme contact et retirez ces données.";

    public static ResourceProblem NotFound() => new(404, "Ressource introuvable.");

    public static ResourceProblem NotOwner() =>
        new(403, "Modification réservée à l'organisation propriétaire.", "Seuls les membres de l'organisation qui a publié la ressource, un coordinateur ou un administrateur peuvent la modifier ou la supprimer.");

    public static ResourceProblem Invalid(IDictionary<string, string[]> errors) => new(400, "Données invalides.", null, errors);
}
