using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Secrecy;

/// <summary>
/// The confidentiality commitment (shared professional secrecy, Criminal Code art. 458ter), per language. Changing the
/// commitment's wording means a new <see cref="SecrecyCards.TextVersion"/>: everyone acknowledges the new text.
/// </summary>
/// <param name="Recorded">{0}: the date and time in Brussels.</param>
public sealed record SecrecyTexts(
    string Title,
    string Intro,
    string CommitmentLead,
    IReadOnlyList<string> Commitments,
    string NoObligation,
    string TextVersion,
    string Accept,
    string Recorded,
    string ReadAgain,
    string CommandKeyword,
    string CommandDescription,
    string PersonalChatOnly,
    string NotInDirectory)
{
    private static readonly SecrecyTexts French = new(
        Title: "Engagement de confidentialité",
        Intro: "Les informations échangées au sein de la cellule de sécurité intégrale locale (CSIL-R) sont couvertes " +
            "par le secret professionnel partagé (article 458ter du Code pénal).",
        CommitmentLead: "En acceptant, je m'engage à :",
        Commitments:
        [
            "ne partager ces informations qu'au sein de la concertation et pour sa seule finalité ;",
            "ne les partager qu'avec les participants à la concertation ;",
            "les garder secrètes.",
        ],
        NoObligation: "Personne n'est tenu de parler : chaque contribution reste libre.",
        TextVersion: "Version du texte : {0}",
        Accept: "J'accepte",
        Recorded: "Engagement enregistré le {0}",
        ReadAgain: "Pour relire ce texte, tapez « confidentialité ».",
        CommandKeyword: "confidentialité",
        CommandDescription: "affiche votre engagement de confidentialité (secret professionnel partagé)",
        PersonalChatOnly: "Cette commande s'utilise dans votre conversation personnelle avec le bot.",
        NotInDirectory: "Cet engagement concerne les membres de la cellule et ses partenaires inscrits dans l'annuaire.");

    private static readonly SecrecyTexts Dutch = new(
        Title: "Geheimhoudingsverbintenis",
        Intro: "De informatie die binnen de lokale integrale veiligheidscel (LIVC-R) wordt uitgewisseld, valt onder het " +
            "gedeeld beroepsgeheim (artikel 458ter van het Strafwetboek).",
        CommitmentLead: "Door te aanvaarden verbind ik mij ertoe:",
        Commitments:
        [
            "deze informatie alleen binnen het overleg en uitsluitend voor het doel ervan te delen;",
            "ze alleen te delen met de deelnemers aan het overleg;",
            "ze geheim te houden.",
        ],
        NoObligation: "Niemand is verplicht te spreken: elke bijdrage blijft vrijwillig.",
        TextVersion: "Tekstversie: {0}",
        Accept: "Ik ga akkoord",
        Recorded: "Verbintenis geregistreerd op {0}",
        ReadAgain: "Typ „geheimhouding” om deze tekst opnieuw te lezen.",
        CommandKeyword: "geheimhouding",
        CommandDescription: "toont uw geheimhoudingsverbintenis (gedeeld beroepsgeheim)",
        PersonalChatOnly: "Gebruik deze opdracht in uw persoonlijke gesprek met de bot.",
        NotInDirectory: "Deze verbintenis geldt voor de leden van de cel en haar partners die in de adreslijst staan.");

    private static readonly SecrecyTexts German = new(
        Title: "Verpflichtung zur Vertraulichkeit",
        Intro: "Die in der lokalen integralen Sicherheitszelle (CSIL-R) ausgetauschten Informationen unterliegen dem " +
            "geteilten Berufsgeheimnis (Artikel 458ter des Strafgesetzbuches).",
        CommitmentLead: "Mit meiner Zustimmung verpflichte ich mich,",
        Commitments:
        [
            "diese Informationen nur innerhalb der Beratung und nur für deren Zweck weiterzugeben,",
            "sie nur mit den Teilnehmenden der Beratung zu teilen,",
            "sie geheim zu halten.",
        ],
        NoObligation: "Niemand ist verpflichtet, sich zu äußern: Jeder Beitrag bleibt freiwillig.",
        TextVersion: "Textversion: {0}",
        Accept: "Ich stimme zu",
        Recorded: "Verpflichtung erfasst am {0}",
        ReadAgain: "Geben Sie „vertraulichkeit“ ein, um diesen Text erneut zu lesen.",
        CommandKeyword: "vertraulichkeit",
        CommandDescription: "zeigt Ihre Verpflichtung zur Vertraulichkeit (geteiltes Berufsgeheimnis)",
        PersonalChatOnly: "Verwenden Sie diesen Befehl in Ihrem persönlichen Chat mit dem Bot.",
        NotInDirectory: "Diese Verpflichtung betrifft die im Verzeichnis eingetragenen Mitglieder der Zelle und ihre Partner.");

    private static readonly SecrecyTexts English = new(
        Title: "Confidentiality commitment",
        Intro: "Information exchanged within the local integrated security cell (CSIL-R) is covered by shared " +
            "professional secrecy (article 458ter of the Belgian Criminal Code).",
        CommitmentLead: "By accepting, I commit to:",
        Commitments:
        [
            "share this information only within the consultation and only for its purpose;",
            "share it only with the participants in the consultation;",
            "keep it secret.",
        ],
        NoObligation: "No one is obliged to speak: every contribution remains voluntary.",
        TextVersion: "Text version: {0}",
        Accept: "I accept",
        Recorded: "Commitment recorded on {0}",
        ReadAgain: "To read this text again, type \"secrecy\".",
        CommandKeyword: "secrecy",
        CommandDescription: "shows your confidentiality commitment (shared professional secrecy)",
        PersonalChatOnly: "Use this command in your personal chat with the bot.",
        NotInDirectory: "This commitment concerns the members of the cell and its partners listed in the directory.");

    public static SecrecyTexts For(UserLanguage language) => language switch
    {
        UserLanguage.Nl => Dutch,
        UserLanguage.De => German,
        UserLanguage.En => English,
        _ => French,
    };
}
