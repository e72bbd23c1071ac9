using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Graph;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Works one claimed outbox row: posts the card to the person through the bot's messenger (which opens their chat once,
/// installing the app when needed), or replaces it with the alert's current version. Outcomes are written back to the
/// row; transient failures postpone it, final ones record their reason. Every connector attempt waits for the tenant's
/// pacer (in <c>Bot/</c>, shared with every other feature); this row's writes also hold back while answers are handled.
/// </summary>
public sealed class AlertSender(
    AppDbContext db,
    AlertService alerts,
    AlertCards cards,
    AlertCardViews views,
    AlertEscalationNotes escalations,
    DirectoryService directory,
    BotMessenger messenger,
    AlertWriteGate gate,
    AnswerPriority priority,
    TimeProvider time,
    IOptions<AlertOptions> options,
    ILogger<AlertSender> logger)
{
    public const string UnknownPerson = "UnknownPerson";

    /// <summary>
    /// People answering go first, also over a write that has waited for its turn at the tenant's limit: when its slot
    /// comes during a burst of answers, it waits for them (its slot goes unused) instead of sending, then writing its
    /// outcome, on the cores the answers need.
    /// </summary>
    private Task WhenQuietAsync(CancellationToken cancellationToken) => priority.WhenQuietAsync(AnswerPriority.MaxYield, time, cancellationToken);

    /// <summary>Processes the row if this instance (<paramref name="owner"/>) still holds its lease.</summary>
    public async Task ProcessAsync(Guid deliveryId, string owner, CancellationToken cancellationToken)
    {
        // People pressing a card's button go first (their card waits for the answer); this row starts when they are done.
        await priority.WhenQuietAsync(AnswerPriority.MaxYield, time, cancellationToken);
        using var preparing = await priority.EnterPreparingAsync(cancellationToken);
        // One connection for the row's half-dozen statements, not one opened per statement (on SQLite every open
        // registers EF's functions and runs the connection's pragmas again). Closed with the scope.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var delivery = await db.Set<AlertDelivery>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null || delivery.LeaseOwner != owner)
        {
            return;
        }

        try
        {
            await ProcessClaimedAsync(delivery, owner, preparing, cancellationToken);
        }
        catch (ConnectorException e) when (e.Failure == ConnectorFailure.MessageWritesBlocked)
        {
            await FailAsync(delivery, nameof(ConnectorFailure.MessageWritesBlocked), cancellationToken);
        }
        catch (ConnectorException e) when (e.IsFinal)
        {
            await FailAsync(delivery, e.StatusCode == HttpStatusCode.NotFound || e.StatusCode == HttpStatusCode.BadRequest ? UnknownPerson : e.Failure.ToString(), cancellationToken);
        }
        catch (ConnectorException e)
        {
            await PostponeAsync(delivery, e.Failure.ToString(), e.RetryAfter, cancellationToken);
        }
        catch (GraphGatewayException e) when (e.Kind == GraphFailure.NotFound)
        {
            await FailAsync(delivery, UnknownPerson, cancellationToken);
        }
        catch (GraphGatewayException e)
        {
            await PostponeAsync(delivery, $"Graph{e.Kind}", null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            AlertLog.DeliveryError(logger, e, delivery.Id);
            await PostponeAsync(delivery, "Error", null, cancellationToken);
        }
    }

    private async Task ProcessClaimedAsync(AlertDelivery delivery, string owner, AnswerPriority.Lease preparing, CancellationToken cancellationToken)
    {
        var version = await db.Set<Alert>().Where(a => a.Id == delivery.AlertId).Select(a => a.Version).FirstOrDefaultAsync(cancellationToken);
        var view = views.Find(delivery.AlertId, version) ?? await alerts.GetCardViewAsync(delivery.AlertId, cancellationToken);
        if (view is null)
        {
            return;
        }

        views.Keep(view);

        if (view.Withdrawn && delivery.Status == AlertDeliveryStatus.Queued)
        {
            await UpdateRowAsync(delivery.Id, s => s.SetProperty(d => d.Status, AlertDeliveryStatus.Cancelled), cancellationToken);
            return;
        }

        var person = await directory.GetPersonAsync(delivery.PersonId, cancellationToken);
        if (person is not { Active: true })
        {
            await FailAsync(delivery, UnknownPerson, cancellationToken);
            return;
        }

        var language = Languages.FromTag(person.PreferredLanguage);
        var refresh = await RefreshUserIdsAsync(delivery.AlertId, cancellationToken);
        // Beyond the refresh limit every recipient gets the same card: built once per view and language, then shared.
        // An escalation's target gets a card of their own that says so.
        var escalation = delivery.Reason == AlertAudienceSource.Escalation ? await escalations.ForAsync(delivery.AlertId, delivery.PersonId, cancellationToken) : null;
        var card = refresh.Count == 0 && escalation is null ? cards.SharedCard(view, language) : cards.Build(view, language, refresh, escalation);
        var preview = escalation is null ? AlertTexts.For(language).Preview : AlertTexts.For(language).EscalationPreview;
        var message = BotMessage.WithCard(card, preview);
        preparing.Dispose(); // Ready: from here the row waits for its turn at the tenant's limit, holding no slot.

        if (delivery.Status == AlertDeliveryStatus.Sent && delivery.PendingUpdate)
        {
            await messenger.UpdateAsync(new SentMessage(delivery.ServiceUrl!, delivery.ConversationId!, delivery.ActivityId!), message, WhenQuietAsync, cancellationToken);
            var current = await CurrentVersionAsync(delivery.AlertId, cancellationToken);
            await UpdateRowAsync(delivery.Id, s => s
                .SetProperty(d => d.CardVersion, view.Version)
                .SetProperty(d => d.PendingUpdate, current > view.Version), cancellationToken);
            return;
        }

        var sent = await messenger.SendToPersonAsync(new BotRecipient(person.Id, person.EntraObjectId, person.TeamsUserId), message, WhenQuietAsync, cancellationToken);
        var now = time.GetUtcNow();
        var latest = await CurrentVersionAsync(delivery.AlertId, cancellationToken);
        int marked;
        using (await gate.EnterAsync(db, CancellationToken.None))
        {
            // Not cancellable: the card is in Teams, the row must say so.
            marked = await AlertWorker.DeliveryLease.ReleaseAsync(
                db.Set<AlertDelivery>().Where(d => d.Id == delivery.Id),
                null,
                s => s.SetProperty(d => d.Status, AlertDeliveryStatus.Sent)
                    .SetProperty(d => d.ActivityId, sent.ActivityId)
                    .SetProperty(d => d.ConversationId, sent.ConversationId)
                    .SetProperty(d => d.ServiceUrl, sent.ServiceUrl)
                    .SetProperty(d => d.SentAt, now)
                    .SetProperty(d => d.SendCount, d => d.SendCount + 1)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                    .SetProperty(d => d.CardVersion, view.Version)
                    .SetProperty(d => d.PendingUpdate, latest > view.Version && refresh.Count == 0)
                    .SetProperty(d => d.FailureReason, (string?)null),
                CancellationToken.None);
        }

        var stillMine = await db.Set<AlertDelivery>().AsNoTracking().CountAsync(d => d.Id == delivery.Id && d.SendCount == delivery.SendCount + 1, cancellationToken);
        if (marked == 0 || stillMine == 0)
        {
            AlertLog.LeaseLost(logger, delivery.Id);
        }
    }

    private async Task<IReadOnlyList<string>> RefreshUserIdsAsync(Guid alertId, CancellationToken cancellationToken)
    {
        var limit = options.Value.RefreshUserLimit;
        if (limit == 0)
        {
            return [];
        }

        var teamsIds = new List<string>();
        await foreach (var teamsId in RefreshUserIdsQuery.For(db)(db, alertId, limit).WithCancellation(cancellationToken))
        {
            if (teamsId is not null)
            {
                teamsIds.Add(teamsId);
            }
        }

        return teamsIds;
    }

    /// <summary>
    /// The Teams ids of the alert's recipients, none when it has more cards than <c>limit</c>: the "beyond the limit" test
    /// (one index probe past the limit) is evaluated once, so a card of an alert to 1,000 people reads no recipient.
    /// </summary>
    private static readonly PerModel<Func<AppDbContext, Guid, int, IAsyncEnumerable<string?>>> RefreshUserIdsQuery = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid alertId, int limit) => (
            from d in db.Set<AlertDelivery>().AsNoTracking()
            where d.AlertId == alertId && !db.Set<AlertDelivery>().Where(x => x.AlertId == alertId).Skip(limit).Any()
            join p in db.Set<Person>().AsNoTracking() on d.PersonId equals p.Id into people
            from p in people.DefaultIfEmpty()
            select p == null ? null : p.TeamsUserId)
            .Take(limit)));

    private Task<int> CurrentVersionAsync(Guid alertId, CancellationToken cancellationToken) =>
        db.Set<Alert>().Where(a => a.Id == alertId).Select(a => a.Version).FirstAsync(cancellationToken);

    private async Task FailAsync(AlertDelivery delivery, string reason, CancellationToken cancellationToken)
    {
        if (delivery.Status == AlertDeliveryStatus.Sent)
        {
            // A card that cannot be updated any more stays sent.
            await UpdateRowAsync(delivery.Id, s => s.SetProperty(d => d.PendingUpdate, false).SetProperty(d => d.FailureReason, reason), cancellationToken);
            return;
        }

        await UpdateRowAsync(delivery.Id, s => s
            .SetProperty(d => d.Status, AlertDeliveryStatus.Failed)
            .SetProperty(d => d.FailureReason, reason)
            .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
        AlertLog.DeliveryFailed(logger, delivery.Id, reason);
    }

    private async Task PostponeAsync(AlertDelivery delivery, string reason, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var settings = options.Value.Delivery;
        var attempt = delivery.Attempts + 1;
        if (attempt >= settings.MaxAttempts)
        {
            await FailAsync(delivery, reason, cancellationToken);
            return;
        }

        var backoff = settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble());
        var delay = retryAfter ?? TimeSpan.FromMilliseconds(Math.Min(backoff, settings.RetryMaxDelay.TotalMilliseconds));
        var next = time.GetUtcNow() + delay;
        await UpdateRowAsync(delivery.Id, s => s
            .SetProperty(d => d.Attempts, attempt)
            .SetProperty(d => d.NextAttemptAt, next)
            .SetProperty(d => d.FailureReason, reason), cancellationToken);
        AlertLog.DeliveryPostponed(logger, delivery.Id, attempt, reason, delay);
    }

    /// <summary>Writes an outcome and releases the lease.</summary>
    private async Task<int> UpdateRowAsync(Guid id, Action<UpdateSettersBuilder<AlertDelivery>> set, CancellationToken cancellationToken)
    {
        using var entered = await gate.EnterAsync(db, cancellationToken);
        return await AlertWorker.DeliveryLease.ReleaseAsync(db.Set<AlertDelivery>().Where(d => d.Id == id), null, set, cancellationToken);
    }
}
