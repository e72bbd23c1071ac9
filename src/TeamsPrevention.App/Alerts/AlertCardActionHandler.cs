using System.Text.Json;
using TeamsPrevention.App.Bot;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// The alert card's answer buttons (<c>alert.acknowledge</c>, <c>alert.needinfo</c>, <c>alert.notconcerned</c>): the
/// answer is recorded, and the pressing person's card is replaced with the current one. A second click records nothing
/// more and shows the same card. The request itself reads nothing: who pressed, what they may answer and the card after
/// the answer are resolved by <see cref="AlertAnswerWriter"/> for the whole batch of answers given at that moment, the
/// card built once per batch and language. While it runs, the delivery worker holds back (<see cref="AnswerPriority"/>).
/// The card's refresh is <see cref="AlertRefreshHandler"/>'s.
/// </summary>
public sealed class AlertCardActionHandler(AlertAnswerWriter answers, AlertCards cards, AnswerPriority priority) : ICardActionHandler
{
    public static string VerbPrefix => AlertCards.VerbPrefix;

    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var texts = AlertTexts.For(turn.Language);
        if (AlertCards.AnswerFor(action.Verb) is not { } answer)
        {
            return CardActionResult.Error(400, turn.Texts.UnknownAction);
        }

        if (!TryAlertId(action.Data, out var alertId))
        {
            return CardActionResult.Error(403, texts.NotARecipient);
        }

        using var answering = priority.Begin();
        var objectId = Guid.TryParse(turn.PersonAadObjectId, out var oid) ? oid : (Guid?)null;
        var result = await answers.WriteAsync(new AlertAnswerRequest(alertId, answer, null, objectId, turn.PersonTeamsUserId), cancellationToken);
        return result is { Outcome: not (AnswerOutcome.NotARecipient or AnswerOutcome.NotFound), View: { } view }
            ? CardActionResult.WithCard(cards.SharedCard(view, turn.Language))
            : CardActionResult.Error(403, texts.NotARecipient);
    }

    internal static bool TryAlertId(JsonElement data, out Guid alertId)
    {
        alertId = Guid.Empty;
        return data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("alertId", out var value)
            && value.ValueKind == JsonValueKind.String
            && Guid.TryParse(value.GetString(), out alertId);
    }
}
