using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// The alert card's refresh (<c>alert.refresh</c>, sent by Teams when one of the card's refresh users views it, for
/// alerts of at most 60 cards): the current card for a person who may see it, nothing for anyone else. Its reads run in
/// the answers' read slots (<see cref="AnswerPriority.EnterReadAsync"/>): sixty people opening the chat at once read a
/// few at a time.
/// </summary>
public sealed class AlertRefreshHandler(
    AlertService alerts, AlertCards cards, AlertEscalationNotes escalations, DirectoryService directory, AnswerPriority priority, AuditLog audit) : ICardActionHandler
{
    public static string VerbPrefix => AlertCards.RefreshVerb;

    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var texts = AlertTexts.For(turn.Language);
        if (action.Verb != AlertCards.RefreshVerb)
        {
            return CardActionResult.Error(400, turn.Texts.UnknownAction);
        }

        AlertCardView? view = null;
        AlertEscalationNote? escalation = null;
        DirectoryPerson? person = null;
        var parsed = AlertCardActionHandler.TryAlertId(action.Data, out var alertId);
        using (await priority.EnterReadAsync(cancellationToken))
        {
            if (parsed && (person = await FindPersonAsync(turn, cancellationToken)) is not null)
            {
                view = await alerts.CardViewForAsync(alertId, person, cancellationToken);
                // An escalation's target keeps the card that says so.
                escalation = view is null ? null : await escalations.ForAsync(alertId, person.Id, cancellationToken);
            }
        }

        if (view is null && parsed)
        {
            // Someone who may not see the card (or is not in the directory) asked for it: a refusal, audited.
            await audit.RecordAsync(
                new AuditRecord(
                    person?.EntraObjectId.ToString() ?? (Guid.TryParse(turn.PersonAadObjectId, out var oid) ? oid.ToString() : "unknown"),
                    person is null ? null : AlertService.RoleOf(person),
                    AuditAction.Denied, null, "Alert", alertId.ToString(), "alert card refresh refused", AuditOutcome.Denied),
                cancellationToken);
        }

        return view is null ? CardActionResult.Error(403, texts.NotARecipient)
            : CardActionResult.WithCard(escalation is null ? cards.SharedCard(view, turn.Language) : cards.Build(view, turn.Language, null, escalation));
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
}
