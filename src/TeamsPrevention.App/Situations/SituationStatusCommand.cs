using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Tab;

namespace TeamsPrevention.App.Situations;

/// <summary><c>situation K7M-4QX</c>: a content-free status card with a link into the tab (need-to-know checked).</summary>
internal sealed class SituationStatusCommand(SituationService situations, DirectoryService directory, TabLinks links) : IBotCommand
{
    public IReadOnlyDictionary<UserLanguage, BotCommandText> Texts { get; } = new Dictionary<UserLanguage, BotCommandText>
    {
        [UserLanguage.Fr] = new("situation", "état d'une situation : tapez situation puis son code, par exemple situation K7M-4QX"),
        [UserLanguage.Nl] = new("situatie", "stand van een situatie: typ situatie en de code, bv. situatie K7M-4QX"),
        [UserLanguage.De] = new("situation", "Stand einer Situation: Geben Sie situation und den Code ein, z. B. situation K7M-4QX"),
        [UserLanguage.En] = new("situation", "status of a situation: type situation and its code, e.g. situation K7M-4QX"),
    };

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var texts = SituationTexts.For(turn.Language);
        if (await SituationBotActor.FindAsync(directory, turn, cancellationToken) is not { } person)
        {
            await turn.ReplyAsync(texts.UnknownPerson, cancellationToken);
            return;
        }

        if (SituationCodes.Normalise(arguments) is not { } code)
        {
            await turn.ReplyAsync(texts.Usage, cancellationToken);
            return;
        }

        try
        {
            var detail = await situations.GetAsync(person, code, cancellationToken);
            await turn.ReplyCardAsync(SituationCards.Status(turn.Language, detail.Summary, links), detail.Summary.Code, cancellationToken);
        }
        catch (SituationProblem)
        {
            await turn.ReplyAsync(texts.NotFound, cancellationToken);
        }
    }
}
