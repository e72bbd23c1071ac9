using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Tab;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// <c>mes situations</c> / <c>my situations</c> (the keyword is the first word, <c>mes</c> / <c>mijn</c> / <c>meine</c> /
/// <c>my</c>): the caller's situations with code, state, next review and overdue flag, linked into the tab.
/// </summary>
internal sealed class MySituationsCommand(SituationService situations, DirectoryService directory, TabLinks links) : IBotCommand
{
    public IReadOnlyDictionary<UserLanguage, BotCommandText> Texts { get; } = new Dictionary<UserLanguage, BotCommandText>
    {
        [UserLanguage.Fr] = new("mes situations", "liste vos situations (codes, état, prochaine réévaluation)"),
        [UserLanguage.Nl] = new("mijn situaties", "lijst van uw situaties (codes, stand, volgende herevaluatie)"),
        [UserLanguage.De] = new("meine Situationen", "Ihre Situationen (Codes, Stand, nächste Überprüfung)"),
        [UserLanguage.En] = new("my situations", "lists your situations (codes, state, next review)"),
    };

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var texts = SituationTexts.For(turn.Language);
        if (await SituationBotActor.FindAsync(directory, turn, cancellationToken) is not { } person)
        {
            await turn.ReplyAsync(texts.UnknownPerson, cancellationToken);
            return;
        }

        var list = await situations.ListAsync(person, cancellationToken);
        await turn.ReplyCardAsync(SituationCards.List(turn.Language, list, links), texts.ListTitle, cancellationToken);
    }
}
