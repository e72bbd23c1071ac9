namespace TeamsPrevention.App.Cards;

/// <summary>
/// What the bot says outside of any feature, per language. Texts never contain personal data (not even the name of
/// the person the bot talks to): Teams shows them in notifications and on lock screens.
/// </summary>
/// <param name="HelpKeyword">The word that lists the commands (every language's word is understood).</param>
/// <param name="HelpLine">A line of the command list: {0} the keyword, {1} its description.</param>
public sealed record BotTexts(
    string Welcome,
    string HelpKeyword,
    string HelpTitle,
    string HelpDescription,
    string HelpLine,
    string Unknown,
    string UnknownAction,
    string ActionFailed,
    string NotAvailable)
{
    private static readonly BotTexts French = new(
        Welcome: "Bonjour ! Je suis TeamsPrevention, l'assistant de la cellule de prévention. Je vous informe des alertes " +
            "et des réunions qui vous concernent, sans jamais afficher d'information sensible ici. " +
            "Tapez **aide** pour voir ce que je sais faire.",
        HelpKeyword: "aide",
        HelpTitle: "Commandes disponibles :",
        HelpDescription: "affiche cette liste",
        HelpLine: "- **{0}** : {1}",
        Unknown: "Je n'ai pas compris cette demande. Tapez **aide** pour voir les commandes disponibles.",
        UnknownAction: "Cette action n'est plus disponible.",
        ActionFailed: "L'action n'a pas pu être traitée. Réessayez plus tard.",
        NotAvailable: "Cette fonction n'est pas encore disponible.");

    private static readonly BotTexts Dutch = new(
        Welcome: "Hallo! Ik ben TeamsPrevention, de assistent van de preventiecel. Ik breng u op de hoogte van " +
            "meldingen en vergaderingen die u aanbelangen, zonder hier ooit gevoelige informatie te tonen. " +
            "Typ **hulp** om te zien wat ik kan doen.",
        HelpKeyword: "hulp",
        HelpTitle: "Beschikbare opdrachten:",
        HelpDescription: "toont deze lijst",
        HelpLine: "- **{0}**: {1}",
        Unknown: "Ik heb dit verzoek niet begrepen. Typ **hulp** om de beschikbare opdrachten te zien.",
        UnknownAction: "Deze actie is niet meer beschikbaar.",
        ActionFailed: "De actie kon niet worden verwerkt. Probeer het later opnieuw.",
        NotAvailable: "Deze functie is nog niet beschikbaar.");

    private static readonly BotTexts German = new(
        Welcome: "Hallo! Ich bin TeamsPrevention, der Assistent der Präventionszelle. Ich informiere Sie über Warnmeldungen " +
            "und Sitzungen, die Sie betreffen, ohne hier je vertrauliche Informationen anzuzeigen. " +
            "Geben Sie **hilfe** ein, um zu sehen, was ich kann.",
        HelpKeyword: "hilfe",
        HelpTitle: "Verfügbare Befehle:",
        HelpDescription: "zeigt diese Liste",
        HelpLine: "- **{0}**: {1}",
        Unknown: "Ich habe diese Anfrage nicht verstanden. Geben Sie **hilfe** ein, um die verfügbaren Befehle zu sehen.",
        UnknownAction: "Diese Aktion ist nicht mehr verfügbar.",
        ActionFailed: "Die Aktion konnte nicht verarbeitet werden. Versuchen Sie es später erneut.",
        NotAvailable: "Diese Funktion ist noch nicht verfügbar.");

    private static readonly BotTexts English = new(
        Welcome: "Hello! I am TeamsPrevention, the prevention cell's assistant. I let you know about alerts and meetings " +
            "that concern you, without ever showing sensitive information here. Type **help** to see what I can do.",
        HelpKeyword: "help",
        HelpTitle: "Available commands:",
        HelpDescription: "shows this list",
        HelpLine: "- **{0}**: {1}",
        Unknown: "I did not understand that request. Type **help** to see the available commands.",
        UnknownAction: "This action is no longer available.",
        ActionFailed: "The action could not be processed. Please try again later.",
        NotAvailable: "This feature is not available yet.");

    public static BotTexts For(UserLanguage language) => language switch
    {
        UserLanguage.Nl => Dutch,
        UserLanguage.De => German,
        UserLanguage.En => English,
        _ => French,
    };

    /// <summary>The help words of every language.</summary>
    public static IReadOnlyList<string> AllHelpKeywords { get; } =
        [French.HelpKeyword, Dutch.HelpKeyword, German.HelpKeyword, English.HelpKeyword];
}
