using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Alerts;

/// <summary>What the caller reads when a draft alert is refused, per language (French first). Never names a person.</summary>
public static class AlertRefusalTexts
{
    public static string For(AlertRefusal refusal, UserLanguage language) => (refusal, language) switch
    {
        (AlertRefusal.MessageRequired, UserLanguage.Nl) => $"Het bericht is verplicht en telt hoogstens {Alert.MaxMessageLength} tekens.",
        (AlertRefusal.MessageRequired, UserLanguage.De) => $"Die Nachricht ist erforderlich und hat höchstens {Alert.MaxMessageLength} Zeichen.",
        (AlertRefusal.MessageRequired, UserLanguage.En) => $"The message is required and at most {Alert.MaxMessageLength} characters.",
        (AlertRefusal.MessageRequired, _) => $"Le message est obligatoire et compte au plus {Alert.MaxMessageLength} caractères.",

        (AlertRefusal.SituationCodeTooLong, UserLanguage.Nl) => "De situatiecode is te lang.",
        (AlertRefusal.SituationCodeTooLong, UserLanguage.De) => "Der Situationscode ist zu lang.",
        (AlertRefusal.SituationCodeTooLong, UserLanguage.En) => "The situation code is too long.",
        (AlertRefusal.SituationCodeTooLong, _) => "Le code de situation est trop long.",

        (AlertRefusal.UnknownPerson, UserLanguage.Nl) => "Een gekozen persoon staat niet in de adreslijst.",
        (AlertRefusal.UnknownPerson, UserLanguage.De) => "Eine gewählte Person steht nicht im Verzeichnis.",
        (AlertRefusal.UnknownPerson, UserLanguage.En) => "A chosen person is not in the directory.",
        (AlertRefusal.UnknownPerson, _) => "Une personne choisie ne figure pas dans l'annuaire.",

        (AlertRefusal.NeedToKnowUnavailable, UserLanguage.Nl) => "De need-to-know-lijst van de situatie is niet beschikbaar.",
        (AlertRefusal.NeedToKnowUnavailable, UserLanguage.De) => "Die Liste „Kenntnis nur bei Bedarf“ der Situation ist nicht verfügbar.",
        (AlertRefusal.NeedToKnowUnavailable, UserLanguage.En) => "The situation's need-to-know list is not available.",
        (AlertRefusal.NeedToKnowUnavailable, _) => "La liste « besoin d'en connaître » de la situation n'est pas disponible.",

        (AlertRefusal.UnknownOrganisation, UserLanguage.Nl) => "Een gekozen organisatie staat niet in de adreslijst.",
        (AlertRefusal.UnknownOrganisation, UserLanguage.De) => "Eine gewählte Organisation steht nicht im Verzeichnis.",
        (AlertRefusal.UnknownOrganisation, UserLanguage.En) => "A chosen organisation is not in the directory.",
        (AlertRefusal.UnknownOrganisation, _) => "Une organisation choisie ne figure pas dans l'annuaire.",

        (AlertRefusal.NoRecipient, UserLanguage.Nl) => "Kies minstens één ontvanger.",
        (AlertRefusal.NoRecipient, UserLanguage.De) => "Wählen Sie mindestens einen Empfänger.",
        (AlertRefusal.NoRecipient, UserLanguage.En) => "Choose at least one recipient.",
        (AlertRefusal.NoRecipient, _) => "Choisissez au moins un destinataire.",

        (AlertRefusal.UnknownSituation, UserLanguage.Nl) => "Geen situatie die u mag zien heeft deze code.",
        (AlertRefusal.UnknownSituation, UserLanguage.De) => "Keine Situation, die Sie sehen dürfen, trägt diesen Code.",
        (AlertRefusal.UnknownSituation, UserLanguage.En) => "No situation you may see has this code.",
        (AlertRefusal.UnknownSituation, _) => "Aucune situation que vous pouvez voir ne porte ce code.",

        _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
    };

    /// <summary>The title of a refusal's ProblemDetails.</summary>
    public static string Title(UserLanguage language) => language switch
    {
        UserLanguage.Nl => "Ongeldige gegevens.",
        UserLanguage.De => "Ungültige Angaben.",
        UserLanguage.En => "Invalid data.",
        _ => "Données invalides.",
    };

    public static string UnknownSeverity(UserLanguage language) => language switch
    {
        UserLanguage.Nl => "Onbekend niveau: Info, Elevated of Urgent verwacht.",
        UserLanguage.De => "Unbekannte Stufe: Info, Elevated oder Urgent erwartet.",
        UserLanguage.En => "Unknown severity: expected Info, Elevated or Urgent.",
        _ => "Niveau inconnu : Info, Elevated ou Urgent attendu.",
    };

    public static string BadLimit(UserLanguage language) => language switch
    {
        UserLanguage.Nl => $"Het aantal moet tussen 1 en {ReceivedAlerts.MaxLimit} liggen.",
        UserLanguage.De => $"Die Anzahl muss zwischen 1 und {ReceivedAlerts.MaxLimit} liegen.",
        UserLanguage.En => $"The limit must be between 1 and {ReceivedAlerts.MaxLimit}.",
        _ => $"Le nombre doit être compris entre 1 et {ReceivedAlerts.MaxLimit}.",
    };
}
