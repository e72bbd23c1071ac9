using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Secrecy;

/// <summary>
/// <c>confidentialité</c> (<c>geheimhouding</c>, <c>vertraulichkeit</c>, <c>secrecy</c>): shows the commitment card
/// again, or when and which version the person accepted. Personal chat only: the card is the person's own.
/// </summary>
internal sealed class SecrecyCommand(SecrecyAcknowledgements acknowledgements) : IBotCommand
{
    public IReadOnlyDictionary<UserLanguage, BotCommandText> Texts { get; } =
        Enum.GetValues<UserLanguage>().ToDictionary(
            l => l,
            l => new BotCommandText(SecrecyTexts.For(l).CommandKeyword, SecrecyTexts.For(l).CommandDescription));

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Kind != ConversationKind.Personal)
        {
            await turn.ReplyAsync(SecrecyTexts.For(turn.Language).PersonalChatOnly, cancellationToken);
            return;
        }

        var person = await acknowledgements.FindPersonAsync(turn, cancellationToken);
        if (person is null)
        {
            await turn.ReplyAsync(SecrecyTexts.For(turn.Language).NotInDirectory, cancellationToken);
            return;
        }

        var language = SecrecyAcknowledgements.LanguageOf(person);
        var existing = await acknowledgements.FindAsync(
            person.EntraObjectId, SecrecyAcknowledgement.GeneralScope, SecrecyCards.TextVersion, cancellationToken);
        var card = existing is null
            ? SecrecyCards.Pending(language, SecrecyAcknowledgement.GeneralScope)
            : SecrecyCards.Acknowledged(language, existing.AcknowledgedAt, existing.TextVersion);
        await turn.ReplyCardAsync(card, SecrecyTexts.For(language).Title, cancellationToken);
    }
}
