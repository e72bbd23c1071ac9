using System.Text.Json;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// The alert card's buttons (<c>alert.acknowledge</c>, <c>alert.needinfo</c>, <c>alert.notconcerned</c>) and its refresh
/// (<c>alert.refresh</c>): the answer is recorded, and the pressing person's card is replaced with the current one.
/// A second click records nothing more and shows the same card. Two queries on the way (the person, then the alert's
/// state with what they may answer); the card after an answer comes from the answer's own batch, built once per
/// batch and language. While it runs, the delivery worker holds back (<see cref="AnswerPriority"/>).
/// </summary>
public sealed class AlertCardActionHandler(AlertService alerts, AlertCards cards, DirectoryService directory, AnswerPriority priority) : ICardActionHandler
{
    public string VerbPrefix => AlertCards.VerbPrefix;

    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        using var answering = priority.Begin();
        var texts = AlertTexts.For(turn.Language);
        DirectoryPerson? person;
        using (await priority.EnterReadAsync(cancellationToken))
        {
            person = await FindPersonAsync(turn, cancellationToken);
        }

        if (person is null || !TryAlertId(action.Data, out var alertId))
        {
            return CardActionResult.Error(403, texts.NotARecipient);
        }

        AlertCardView? view;
        if (action.Verb == AlertCards.RefreshVerb)
        {
            view = await alerts.CardViewForAsync(alertId, person, cancellationToken);
        }
        else if (AlertCards.AnswerFor(action.Verb) is { } answer)
        {
            var result = await alerts.AnswerAsync(alertId, person, answer, cancellationToken);
            view = result.Outcome switch
            {
                AnswerOutcome.NotARecipient or AnswerOutcome.NotFound => null,
                _ => result.View ?? await alerts.GetCardViewAsync(alertId, cancellationToken),
            };
        }
        else
        {
            return CardActionResult.Error(400, turn.Texts.UnknownAction);
        }

        return view is null ? CardActionResult.Error(403, texts.NotARecipient) : CardActionResult.WithCard(cards.AnswerCard(view, turn.Language));
    }

    private async Task<DirectoryPerson?> FindPersonAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(turn.PersonAadObjectId, out var oid) && await directory.FindByEntraObjectIdAsync(oid, cancellationToken) is { Active: true } byOid)
        {
            return byOid;
        }

        return turn.PersonTeamsUserId is { } teamsId && await directory.FindByTeamsUserIdAsync(teamsId, cancellationToken) is { Active: true } byTeamsId
            ? byTeamsId
            : null;
    }

    private static bool TryAlertId(JsonElement data, out Guid alertId)
    {
        alertId = Guid.Empty;
        return data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("alertId", out var value)
            && value.ValueKind == JsonValueKind.String
            && Guid.TryParse(value.GetString(), out alertId);
    }
}
