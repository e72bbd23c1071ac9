using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Alerts;

/// <summary><c>alerte</c> / <c>alert</c>: a card that opens the alert form in the tab, for people allowed to send.</summary>
public sealed class AlertCommand(DirectoryService directory, AlertCards cards) : IBotCommand
{
    public IReadOnlyDictionary<UserLanguage, BotCommandText> Texts { get; } = AlertTexts.All.ToDictionary(
        l => l, l => new BotCommandText(AlertTexts.For(l).SendKeyword, AlertTexts.For(l).SendDescription));

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var person = Guid.TryParse(turn.PersonAadObjectId, out var oid) ? await directory.FindByEntraObjectIdAsync(oid, cancellationToken) : null;
        if (person is null || !AlertSenders.MaySend(person))
        {
            await turn.ReplyAsync(AlertTexts.For(turn.Language).NotAllowed, cancellationToken);
            return;
        }

        await turn.ReplyCardAsync(cards.Compose(turn.Language), AlertTexts.For(turn.Language).ComposeTitle, cancellationToken);
    }
}
