using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Alerts;

/// <summary>What alert cards and the bot say, per language (French first). Never any personal data.</summary>
public sealed record AlertTexts(
    string Culture,
    string Title,
    string Preview,
    string Reference,
    string SituationCode,
    string Severity,
    string Category,
    string Sender,
    string Deadline,
    string Open,
    string Acknowledge,
    string NeedMoreInformation,
    string NotConcerned,
    string UrgentWarning,
    string Withdrawn,
    string AnswersTitle,
    string AnswerLine,
    string Recorded,
    string AlreadyAnswered,
    string NotARecipient,
    string NotAllowed,
    string ComposeTitle,
    string ComposeHint,
    string ComposeOpen,
    string Pending,
    string NothingPending,
    string SendKeyword,
    string SendDescription,
    string MineKeyword,
    string MineDescription,
    IReadOnlyDictionary<AlertSeverity, string> Severities,
    IReadOnlyDictionary<AlertCategory, string> Categories,
    IReadOnlyDictionary<AlertAnswer, string> Answers)
{
    private static readonly AlertTexts French = new(
        Culture: "fr-BE",
        Title: "Alerte",
        Preview: "Nouvelle alerte — ouvrez TeamsPrevention",
        Reference: "Référence",
        SituationCode: "Code de situation",
        Severity: "Niveau",
        Category: "Catégorie",
        Sender: "Émise par",
        Deadline: "Échéance",
        Open: "Ouvrir dans TeamsPrevention",
        Acknowledge: "Accuser réception",
        NeedMoreInformation: "Besoin d'informations",
        NotConcerned: "Non concerné",
        UrgentWarning: "Cet outil n'est pas un canal d'urgence : appelez le 101 ou le 112.",
        Withdrawn: "Cette alerte a été retirée.",
        AnswersTitle: "Réponses",
        AnswerLine: "{0} : {1}, le {2}",
        Recorded: "Réponse enregistrée.",
        AlreadyAnswered: "Une réponse est déjà enregistrée.",
        NotARecipient: "Cette alerte ne vous est pas adressée.",
        NotAllowed: "Vous n'êtes pas autorisé·e à envoyer des alertes.",
        ComposeTitle: "Nouvelle alerte",
        ComposeHint: "Rédigez l'alerte dans TeamsPrevention : le message reste dans l'application.",
        ComposeOpen: "Rédiger une alerte",
        Pending: "Alertes en attente de votre réponse :",
        NothingPending: "Aucune alerte n'attend votre réponse.",
        SendKeyword: "alerte",
        SendDescription: "rédiger une alerte",
        MineKeyword: "mes alertes",
        MineDescription: "les alertes qui attendent votre réponse",
        Severities: new Dictionary<AlertSeverity, string>
        {
            [AlertSeverity.Info] = "information",
            [AlertSeverity.Elevated] = "élevée",
            [AlertSeverity.Urgent] = "urgente",
        },
        Categories: new Dictionary<AlertCategory, string>
        {
            [AlertCategory.Signal] = "signalement",
            [AlertCategory.FollowUp] = "suivi de situation",
            [AlertCategory.Coordination] = "coordination",
            [AlertCategory.Information] = "information générale",
        },
        Answers: new Dictionary<AlertAnswer, string>
        {
            [AlertAnswer.Acknowledged] = "réception accusée",
            [AlertAnswer.NeedMoreInformation] = "besoin d'informations",
            [AlertAnswer.NotConcerned] = "non concerné",
        });

    private static readonly AlertTexts Dutch = new(
        Culture: "nl-BE",
        Title: "Melding",
        Preview: "Nieuwe melding — open TeamsPrevention",
        Reference: "Referentie",
        SituationCode: "Situatiecode",
        Severity: "Niveau",
        Category: "Categorie",
        Sender: "Verzonden door",
        Deadline: "Termijn",
        Open: "Openen in TeamsPrevention",
        Acknowledge: "Ontvangst bevestigen",
        NeedMoreInformation: "Meer informatie nodig",
        NotConcerned: "Niet betrokken",
        UrgentWarning: "Dit hulpmiddel is geen noodkanaal: bel 101 of 112.",
        Withdrawn: "Deze melding is ingetrokken.",
        AnswersTitle: "Antwoorden",
        AnswerLine: "{0}: {1}, op {2}",
        Recorded: "Antwoord geregistreerd.",
        AlreadyAnswered: "Er is al een antwoord geregistreerd.",
        NotARecipient: "Deze melding is niet aan u gericht.",
        NotAllowed: "U mag geen meldingen versturen.",
        ComposeTitle: "Nieuwe melding",
        ComposeHint: "Schrijf de melding in TeamsPrevention: het bericht blijft in de toepassing.",
        ComposeOpen: "Melding opstellen",
        Pending: "Meldingen die op uw antwoord wachten:",
        NothingPending: "Geen enkele melding wacht op uw antwoord.",
        SendKeyword: "melding",
        SendDescription: "een melding opstellen",
        MineKeyword: "mijn meldingen",
        MineDescription: "meldingen die op uw antwoord wachten",
        Severities: new Dictionary<AlertSeverity, string>
        {
            [AlertSeverity.Info] = "informatief",
            [AlertSeverity.Elevated] = "verhoogd",
            [AlertSeverity.Urgent] = "dringend",
        },
        Categories: new Dictionary<AlertCategory, string>
        {
            [AlertCategory.Signal] = "signaal",
            [AlertCategory.FollowUp] = "opvolging van een situatie",
            [AlertCategory.Coordination] = "coördinatie",
            [AlertCategory.Information] = "algemene informatie",
        },
        Answers: new Dictionary<AlertAnswer, string>
        {
            [AlertAnswer.Acknowledged] = "ontvangst bevestigd",
            [AlertAnswer.NeedMoreInformation] = "meer informatie nodig",
            [AlertAnswer.NotConcerned] = "niet betrokken",
        });

    private static readonly AlertTexts German = new(
        Culture: "de-BE",
        Title: "Warnmeldung",
        Preview: "Neue Warnmeldung — öffnen Sie TeamsPrevention",
        Reference: "Referenz",
        SituationCode: "Situationscode",
        Severity: "Stufe",
        Category: "Kategorie",
        Sender: "Gesendet von",
        Deadline: "Frist",
        Open: "In TeamsPrevention öffnen",
        Acknowledge: "Empfang bestätigen",
        NeedMoreInformation: "Weitere Informationen nötig",
        NotConcerned: "Nicht betroffen",
        UrgentWarning: "Dieses Werkzeug ist kein Notrufkanal: Rufen Sie 101 oder 112 an.",
        Withdrawn: "Diese Warnmeldung wurde zurückgezogen.",
        AnswersTitle: "Antworten",
        AnswerLine: "{0}: {1}, am {2}",
        Recorded: "Antwort gespeichert.",
        AlreadyAnswered: "Eine Antwort ist bereits gespeichert.",
        NotARecipient: "Diese Warnmeldung ist nicht an Sie gerichtet.",
        NotAllowed: "Sie dürfen keine Warnmeldungen senden.",
        ComposeTitle: "Neue Warnmeldung",
        ComposeHint: "Verfassen Sie die Warnmeldung in TeamsPrevention: die Nachricht bleibt in der Anwendung.",
        ComposeOpen: "Warnmeldung verfassen",
        Pending: "Warnmeldungen, die auf Ihre Antwort warten:",
        NothingPending: "Keine Warnmeldung wartet auf Ihre Antwort.",
        SendKeyword: "warnmeldung",
        SendDescription: "eine Warnmeldung verfassen",
        MineKeyword: "meine warnmeldungen",
        MineDescription: "Warnmeldungen, die auf Ihre Antwort warten",
        Severities: new Dictionary<AlertSeverity, string>
        {
            [AlertSeverity.Info] = "Information",
            [AlertSeverity.Elevated] = "erhöht",
            [AlertSeverity.Urgent] = "dringend",
        },
        Categories: new Dictionary<AlertCategory, string>
        {
            [AlertCategory.Signal] = "Meldung",
            [AlertCategory.FollowUp] = "Begleitung einer Situation",
            [AlertCategory.Coordination] = "Koordination",
            [AlertCategory.Information] = "allgemeine Information",
        },
        Answers: new Dictionary<AlertAnswer, string>
        {
            [AlertAnswer.Acknowledged] = "Empfang bestätigt",
            [AlertAnswer.NeedMoreInformation] = "weitere Informationen nötig",
            [AlertAnswer.NotConcerned] = "nicht betroffen",
        });

    private static readonly AlertTexts English = new(
        Culture: "en-BE",
        Title: "Alert",
        Preview: "New alert — open TeamsPrevention",
        Reference: "Reference",
        SituationCode: "Situation code",
        Severity: "Severity",
        Category: "Category",
        Sender: "Sent by",
        Deadline: "Deadline",
        Open: "Open in TeamsPrevention",
        Acknowledge: "Acknowledge",
        NeedMoreInformation: "Need more information",
        NotConcerned: "Not concerned",
        UrgentWarning: "This tool is not an emergency channel: call 101 or 112.",
        Withdrawn: "This alert was withdrawn.",
        AnswersTitle: "Answers",
        AnswerLine: "{0}: {1}, on {2}",
        Recorded: "Answer recorded.",
        AlreadyAnswered: "An answer is already recorded.",
        NotARecipient: "This alert is not addressed to you.",
        NotAllowed: "You are not allowed to send alerts.",
        ComposeTitle: "New alert",
        ComposeHint: "Write the alert in TeamsPrevention: the message stays in the app.",
        ComposeOpen: "Write an alert",
        Pending: "Alerts awaiting your answer:",
        NothingPending: "No alert awaits your answer.",
        SendKeyword: "alert",
        SendDescription: "write an alert",
        MineKeyword: "my alerts",
        MineDescription: "alerts awaiting your answer",
        Severities: new Dictionary<AlertSeverity, string>
        {
            [AlertSeverity.Info] = "information",
            [AlertSeverity.Elevated] = "elevated",
            [AlertSeverity.Urgent] = "urgent",
        },
        Categories: new Dictionary<AlertCategory, string>
        {
            [AlertCategory.Signal] = "signal",
            [AlertCategory.FollowUp] = "situation follow-up",
            [AlertCategory.Coordination] = "coordination",
            [AlertCategory.Information] = "general information",
        },
        Answers: new Dictionary<AlertAnswer, string>
        {
            [AlertAnswer.Acknowledged] = "acknowledged",
            [AlertAnswer.NeedMoreInformation] = "needs more information",
            [AlertAnswer.NotConcerned] = "not concerned",
        });

    public static IReadOnlyList<UserLanguage> All { get; } = [UserLanguage.Fr, UserLanguage.Nl, UserLanguage.De, UserLanguage.En];

    public static AlertTexts For(UserLanguage language) => language switch
    {
        UserLanguage.Nl => Dutch,
        UserLanguage.De => German,
        UserLanguage.En => English,
        _ => French,
    };
}
