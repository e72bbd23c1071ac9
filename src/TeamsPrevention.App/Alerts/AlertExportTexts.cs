using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// The alert tracking export's column headers and labels, per language: the words of the alert page (the tab's
/// <c>alerts</c> namespace), so the file reads as the page does. Severities and answers come from <see cref="AlertTexts"/>.
/// </summary>
public sealed record AlertExportTexts(
    string Culture,
    IReadOnlyList<string> Headers,
    string Waiting,
    IReadOnlyDictionary<AlertRecipientKind, string> Kinds,
    IReadOnlyDictionary<AlertAudienceSource, string> ChosenAs,
    string EscalatedToDeputy,
    string EscalatedToChair)
{
    private static readonly AlertExportTexts French = new(
        "fr-BE",
        ["Référence", "Niveau", "Destinataire", "Type", "Choisi comme", "Réponse", "Répondu le", "Répondu par", "Escalade", "Escaladé vers", "Échéance"],
        "En attente",
        new Dictionary<AlertRecipientKind, string> { [AlertRecipientKind.Person] = "personne", [AlertRecipientKind.Organisation] = "organisation" },
        new Dictionary<AlertAudienceSource, string>
        {
            [AlertAudienceSource.Person] = "Personne",
            [AlertAudienceSource.Organisation] = "Organisation",
            [AlertAudienceSource.Role] = "Rôle",
            [AlertAudienceSource.NeedToKnow] = "Besoin d'en connaître",
            [AlertAudienceSource.Escalation] = "Escalade",
        },
        "Au suppléant",
        "À la présidence");

    private static readonly AlertExportTexts Dutch = new(
        "nl-BE",
        ["Referentie", "Niveau", "Ontvanger", "Soort", "Gekozen als", "Antwoord", "Beantwoord op", "Beantwoord door", "Escalatie", "Geëscaleerd naar", "Termijn"],
        "In afwachting",
        new Dictionary<AlertRecipientKind, string> { [AlertRecipientKind.Person] = "persoon", [AlertRecipientKind.Organisation] = "organisatie" },
        new Dictionary<AlertAudienceSource, string>
        {
            [AlertAudienceSource.Person] = "Persoon",
            [AlertAudienceSource.Organisation] = "Organisatie",
            [AlertAudienceSource.Role] = "Rol",
            [AlertAudienceSource.NeedToKnow] = "Need-to-know",
            [AlertAudienceSource.Escalation] = "Escalatie",
        },
        "Naar de plaatsvervanger",
        "Naar de voorzitter");

    private static readonly AlertExportTexts German = new(
        "de-BE",
        ["Referenz", "Stufe", "Empfänger", "Art", "Gewählt als", "Antwort", "Beantwortet am", "Beantwortet von", "Eskalation", "Eskaliert an", "Frist"],
        "Ausstehend",
        new Dictionary<AlertRecipientKind, string> { [AlertRecipientKind.Person] = "Person", [AlertRecipientKind.Organisation] = "Organisation" },
        new Dictionary<AlertAudienceSource, string>
        {
            [AlertAudienceSource.Person] = "Person",
            [AlertAudienceSource.Organisation] = "Organisation",
            [AlertAudienceSource.Role] = "Rolle",
            [AlertAudienceSource.NeedToKnow] = "Kenntnis nötig",
            [AlertAudienceSource.Escalation] = "Eskalation",
        },
        "An die Vertretung",
        "An den Vorsitz");

    private static readonly AlertExportTexts English = new(
        "en-BE",
        ["Reference", "Level", "Recipient", "Kind", "Chosen as", "Answer", "Answered on", "Answered by", "Escalation", "Escalated to", "Deadline"],
        "Waiting",
        new Dictionary<AlertRecipientKind, string> { [AlertRecipientKind.Person] = "person", [AlertRecipientKind.Organisation] = "organisation" },
        new Dictionary<AlertAudienceSource, string>
        {
            [AlertAudienceSource.Person] = "Person",
            [AlertAudienceSource.Organisation] = "Organisation",
            [AlertAudienceSource.Role] = "Role",
            [AlertAudienceSource.NeedToKnow] = "Need to know",
            [AlertAudienceSource.Escalation] = "Escalation",
        },
        "To the deputy",
        "To the Chair");

    public static AlertExportTexts For(UserLanguage language) => language switch
    {
        UserLanguage.Nl => Dutch,
        UserLanguage.De => German,
        UserLanguage.En => English,
        _ => French,
    };
}
