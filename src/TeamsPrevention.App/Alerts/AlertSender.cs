using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Graph;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Works one claimed outbox row: opens (once) the person's personal chat with the bot, installing the app through Graph
/// when the bot is not in it, then posts the card or replaces it with the alert's current version. Outcomes are
/// written back to the row; transient failures postpone it, final ones record their reason. Every connector attempt,
/// retries included, is paced by <see cref="AlertRateLimits"/> (and a 429 tells it).
/// </summary>
public sealed class AlertSender(
    AppDbContext db,
    AlertService alerts,
    AlertCards cards,
    AlertCardViews views,
    AlertEscalationNotes escalations,
    DirectoryService directory,
    ConversationReferences references,
    ConnectorClient connector,
    GraphGateway graph,
    AlertRateLimits limits,
    AlertWriteGate gate,
    AnswerPriority priority,
    TimeProvider time,
    IOptions<AlertOptions> options,
    IOptions<TenantOptions> tenant,
    ILogger<AlertSender> logger)
{
    public const string UnknownPerson = "UnknownPerson";

    private readonly ConnectorClient _connector = Paced(connector, limits, priority, time);

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
        var activity = Bot.Activity.Card(card, preview);
        activity.Text = preview;
        preparing.Dispose(); // Ready: from here the row waits for its turn at the tenant's limit, holding no slot.

        if (delivery.Status == AlertDeliveryStatus.Sent && delivery.PendingUpdate)
        {
            await _connector.UpdateAsync(new Uri(delivery.ServiceUrl!), delivery.ConversationId!, delivery.ActivityId!, activity, cancellationToken);
            var current = await CurrentVersionAsync(delivery.AlertId, cancellationToken);
            await UpdateRowAsync(delivery.Id, s => s
                .SetProperty(d => d.CardVersion, view.Version)
                .SetProperty(d => d.PendingUpdate, current > view.Version), cancellationToken);
            return;
        }

        var (serviceUrl, conversationId) = await ConversationAsync(delivery, person, cancellationToken);
        string activityId;
        try
        {
            activityId = await _connector.SendAsync(serviceUrl, conversationId, activity, cancellationToken);
        }
        catch (ConnectorException e) when (e.Failure == ConnectorFailure.Rejected && e.StatusCode == HttpStatusCode.Forbidden)
        {
            // The person removed the app since the chat was opened: install it again, then send.
            await InstallAsync(delivery, person, cancellationToken);
            activityId = await _connector.SendAsync(serviceUrl, conversationId, activity, cancellationToken);
        }
        catch (ConnectorException e) when (e.Failure == ConnectorFailure.Unavailable && e.StatusCode is null && !IsTenantService(serviceUrl))
        {
            // The stored chat's service never answered (a test client that has stopped, a retired address): open the
            // person's chat again through the tenant's own service address and send there, instead of retrying into the void.
            AlertLog.ConversationReopened(logger, delivery.Id);
            (serviceUrl, conversationId) = await OpenAsync(delivery, person, null, replace: true, cancellationToken);
            activityId = await _connector.SendAsync(serviceUrl, conversationId, activity, cancellationToken);
        }

        var now = time.GetUtcNow();
        var latest = await CurrentVersionAsync(delivery.AlertId, cancellationToken);
        int marked;
        using (await gate.EnterAsync(db, CancellationToken.None))
        {
            // Not cancellable: the card is in Teams, the row must say so.
            marked = await db.Set<AlertDelivery>()
            .Where(d => d.Id == delivery.Id)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, AlertDeliveryStatus.Sent)
                    .SetProperty(d => d.ActivityId, activityId)
                    .SetProperty(d => d.ConversationId, conversationId)
                    .SetProperty(d => d.ServiceUrl, serviceUrl.ToString())
                    .SetProperty(d => d.SentAt, now)
                    .SetProperty(d => d.SendCount, d => d.SendCount + 1)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                    .SetProperty(d => d.CardVersion, view.Version)
                    .SetProperty(d => d.PendingUpdate, latest > view.Version && refresh.Count == 0)
                    .SetProperty(d => d.FailureReason, (string?)null)
                    .SetProperty(d => d.LeaseOwner, (string?)null)
                    .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null),
                CancellationToken.None);
        }

        var stillMine = await db.Set<AlertDelivery>().AsNoTracking().CountAsync(d => d.Id == delivery.Id && d.SendCount == delivery.SendCount + 1, cancellationToken);
        if (marked == 0 || stillMine == 0)
        {
            AlertLog.LeaseLost(logger, delivery.Id);
        }
    }

    /// <summary>The stored personal chat, else the one Teams told the bot about, else a new one (created once and stored).</summary>
    private async Task<(Uri ServiceUrl, string ConversationId)> ConversationAsync(AlertDelivery delivery, DirectoryPerson person, CancellationToken cancellationToken)
    {
        if (delivery.ConversationId is { } known && delivery.ServiceUrl is { } knownUrl)
        {
            return (new Uri(knownUrl), known);
        }

        var stored = await db.Set<AlertConversation>().AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == person.Id, cancellationToken);
        if (stored is not null)
        {
            return (new Uri(stored.ServiceUrl), stored.ConversationId);
        }

        var captured = await references.FindPersonalAsync(person.EntraObjectId.ToString(), cancellationToken);
        if (captured is { Installed: true })
        {
            return (new Uri(captured.ServiceUrl), captured.ConversationId);
        }

        return await OpenAsync(delivery, person, captured, replace: false, cancellationToken);
    }

    private bool IsTenantService(Uri serviceUrl) =>
        options.Value.Delivery.ServiceUrl is { } tenantService
        && string.Equals(tenantService.ToString().TrimEnd('/'), serviceUrl.ToString().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Creates the person's personal chat through the tenant's service address and stores it: the first stored wins
    /// (two alerts may open it at once) unless <paramref name="replace"/>, when the stored one is known not to answer.
    /// </summary>
    private async Task<(Uri ServiceUrl, string ConversationId)> OpenAsync(
        AlertDelivery delivery, DirectoryPerson person, BotConversation? captured, bool replace, CancellationToken cancellationToken)
    {
        var memberId = person.TeamsUserId ?? captured?.PersonTeamsUserId;
        var serviceUrl = options.Value.Delivery.ServiceUrl ?? (captured is null ? null : new Uri(captured.ServiceUrl));
        if (memberId is null || serviceUrl is null)
        {
            throw new ConnectorException(ConnectorFailure.Rejected, HttpStatusCode.NotFound, null, "No Teams identity for the person.");
        }

        string conversationId;
        try
        {
            conversationId = await _connector.CreateConversationAsync(serviceUrl, memberId, cancellationToken);
        }
        catch (ConnectorException e) when (e.Failure == ConnectorFailure.Rejected && e.StatusCode == HttpStatusCode.Forbidden)
        {
            // The bot is not in the person's roster: install the app for them through Graph, then open the chat.
            await InstallAsync(delivery, person, cancellationToken);
            conversationId = await _connector.CreateConversationAsync(serviceUrl, memberId, cancellationToken);
        }

        // Two alerts for one person may open the chat at once: the first stored wins, without an error.
        using var entered = await gate.EnterAsync(db, cancellationToken);
        if (replace)
        {
            await db.Set<AlertConversation>().Where(c => c.PersonId == person.Id).ExecuteDeleteAsync(cancellationToken);
        }

        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "AlertConversations" ("PersonId", "ConversationId", "ServiceUrl", "CreatedAt")
            VALUES ({AlertSql.Key(db, person.Id)}, {conversationId}, {serviceUrl.ToString()}, {AlertSql.Time(db, time.GetUtcNow())})
            ON CONFLICT ("PersonId") DO NOTHING
            """,
            cancellationToken);
        return (serviceUrl, conversationId);
    }

    private async Task InstallAsync(AlertDelivery delivery, DirectoryPerson person, CancellationToken cancellationToken)
    {
        var appId = options.Value.Delivery.TeamsAppId ?? tenant.Value.ClientId;
        await graph.InstallAppForUserAsync(person.EntraObjectId.ToString(), appId!, cancellationToken);
        AlertLog.AppInstalled(logger, delivery.Id);
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

    private static ConnectorClient Paced(ConnectorClient connector, AlertRateLimits limits, AnswerPriority priority, TimeProvider time)
    {
        // People answering go first, also over a write that has waited for its turn at the tenant's limit: when its slot
        // comes during a burst of answers, it waits for them (its slot goes unused) instead of sending, then writing its
        // outcome, on the cores the answers need.
        Func<CancellationToken, Task> quiet = cancellationToken => priority.WhenQuietAsync(AnswerPriority.MaxYield, time, cancellationToken);
        connector.BeforeWrite = async (thread, cancellationToken) =>
        {
            await quiet(cancellationToken);
            return await limits.WaitAsync(thread, cancellationToken, quiet);
        };
        connector.OnThrottled = limits.Throttled;
        return connector;
    }

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
    private async Task<int> UpdateRowAsync(
        Guid id,
        Func<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<AlertDelivery>, Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<AlertDelivery>> set,
        CancellationToken cancellationToken)
    {
        using var entered = await gate.EnterAsync(db, cancellationToken);
        return await db.Set<AlertDelivery>().Where(d => d.Id == id).ExecuteUpdateAsync(
            s => set(s.SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)),
            cancellationToken);
    }
}
