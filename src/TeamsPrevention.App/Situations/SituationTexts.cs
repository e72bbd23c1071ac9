using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Situations;

/// <summary>What the situation cards and commands say, per language. Never personal data: codes and fixed phrases.</summary>
internal sealed record SituationTexts(
    string ReportTitle,
    string ReportIntro,
    string ReportIndicators,
    string ReportEvidence,
    string ReportText,
    string ReportSubmit,
    string ReportExampleList,
    string Reported,
    string ListTitle,
    string ListEmpty,
    string NextReview,
    string Overdue,
    string StatusTitle,
    string Open,
    string NotFound,
    string UnknownPerson,
    string Usage,
    string CodeLabel,
    string StateLabel)
{
    private static readonly SituationTexts French = new(
        "Nouveau signalement", "Cochez les indicateurs observés et décrivez pour chacun ce qui a été vu ou entendu. Rien n'est obligatoire.",
        "Indicateurs d'alerte observés", "Élément observé (qui, quand, quoi)", "Commentaire libre", "Enregistrer le signalement",
        "Liste d'exemple, à remplacer par celle de la ville.", "Signalement enregistré sous le code {0}.",
        "Vos situations", "Aucune situation à suivre.", "Prochaine réévaluation", "en retard", "Situation {0}", "Ouvrir dans l'application",
        "Situation introuvable.", "Vous n'êtes pas dans l'annuaire de la cellule.", "Tapez **situation** suivi d'un code, par exemple situation K7M-4QX.", "Code de situation", "État");

    private static readonly SituationTexts Dutch = new(
        "Nieuw signaal", "Vink de waargenomen alarmsignalen aan en beschrijf telkens wat gezien of gehoord werd. Niets is verplicht.",
        "Waargenomen alarmsignalen", "Waarneming (wie, wanneer, wat)", "Vrije opmerking", "Signaal registreren",
        "Voorbeeldlijst, te vervangen door die van de stad.", "Signaal geregistreerd onder code {0}.",
        "Uw situaties", "Geen situaties op te volgen.", "Volgende herevaluatie", "te laat", "Situatie {0}", "Openen in de app",
        "Situatie niet gevonden.", "U staat niet in de gids van de cel.", "Typ **situatie** gevolgd door een code, bv. situatie K7M-4QX.", "Situatiecode", "Stand");

    private static readonly SituationTexts German = new(
        "Neue Meldung", "Kreuzen Sie die beobachteten Warnsignale an und beschreiben Sie jeweils, was gesehen oder gehört wurde. Nichts ist Pflicht.",
        "Beobachtete Warnsignale", "Beobachtung (wer, wann, was)", "Freier Kommentar", "Meldung speichern",
        "Beispielliste, durch die Liste der Stadt zu ersetzen.", "Meldung unter dem Code {0} gespeichert.",
        "Ihre Situationen", "Keine Situationen zu verfolgen.", "Nächste Überprüfung", "überfällig", "Situation {0}", "In der App öffnen",
        "Situation nicht gefunden.", "Sie sind nicht im Verzeichnis der Zelle.", "Geben Sie **situation** und einen Code ein, z. B. situation K7M-4QX.", "Situationscode", "Stand");

    private static readonly SituationTexts English = new(
        "New report", "Tick the alert indicators observed and describe for each what was seen or heard. Nothing is mandatory.",
        "Alert indicators observed", "Observation (who, when, what)", "Free comment", "Record the report",
        "Example list, to be replaced by the city's own.", "Report recorded under code {0}.",
        "Your situations", "No situations to follow.", "Next review", "overdue", "Situation {0}", "Open in the app",
        "Situation not found.", "You are not in the cell's directory.", "Type **situation** and a code, e.g. situation K7M-4QX.", "Situation code", "State");

    public static SituationTexts For(UserLanguage language) => language switch
    {
        UserLanguage.Nl => Dutch,
        UserLanguage.De => German,
        UserLanguage.En => English,
        _ => French,
    };

    public static string Tag(UserLanguage language) => language.ToString().ToLowerInvariant();

    public static string Status(SituationStatus status, UserLanguage language) => (status, language) switch
    {
        (SituationStatus.Signalled, UserLanguage.Nl) => "gesignaleerd",
        (SituationStatus.Screening, UserLanguage.Nl) => "screening",
        (SituationStatus.Included, UserLanguage.Nl) => "opgenomen",
        (SituationStatus.Declined, UserLanguage.Nl) => "niet opgenomen",
        (SituationStatus.Closed, UserLanguage.Nl) => "afgesloten",
        (SituationStatus.Signalled, UserLanguage.De) => "gemeldet",
        (SituationStatus.Screening, UserLanguage.De) => "Vorprüfung",
        (SituationStatus.Included, UserLanguage.De) => "aufgenommen",
        (SituationStatus.Declined, UserLanguage.De) => "nicht aufgenommen",
        (SituationStatus.Closed, UserLanguage.De) => "abgeschlossen",
        (SituationStatus.Signalled, UserLanguage.En) => "reported",
        (SituationStatus.Screening, UserLanguage.En) => "screening",
        (SituationStatus.Included, UserLanguage.En) => "included",
        (SituationStatus.Declined, UserLanguage.En) => "not included",
        (SituationStatus.Closed, UserLanguage.En) => "closed",
        (SituationStatus.Signalled, _) => "signalée",
        (SituationStatus.Screening, _) => "analyse préalable",
        (SituationStatus.Included, _) => "inscrite",
        (SituationStatus.Declined, _) => "non inscrite",
        _ => "clôturée",
    };
}
