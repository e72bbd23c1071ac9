using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Secrecy;

/// <summary>
/// After the welcome in a personal chat: the confidentiality commitment card, in the person's language, as a message
/// of its own (so that it can be updated). Not sent to someone the directory does not know (they have no access to
/// anything), nor to someone who already accepted this version of the text (a reinstall).
/// </summary>
internal sealed class SecrecyWelcome(SecrecyAcknowledgements acknowledgements, ILogger<SecrecyWelcome> logger) : IWelcomeFollowUp
{
    public async Task SendAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var person = await acknowledgements.FindPersonAsync(turn, cancellationToken);
        if (person is null)
        {
            SecrecyLog.CardNotSent(logger, "not in the directory");
            return;
        }

        var existing = await acknowledgements.FindAsync(
            person.EntraObjectId, SecrecyAcknowledgement.GeneralScope, SecrecyCards.TextVersion, cancellationToken);
        if (existing is not null)
        {
            SecrecyLog.CardNotSent(logger, "already acknowledged");
            return;
        }

        var language = SecrecyAcknowledgements.LanguageOf(person);
        await turn.SendCardAsync(
            SecrecyCards.Pending(language, SecrecyAcknowledgement.GeneralScope), SecrecyTexts.For(language).Title, cancellationToken);
        SecrecyLog.CardSent(logger);
    }
}
