using System.Globalization;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Situations;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Alerts: creating one (recipients resolved, one outbox row per person, the escalation clock set), answering it
/// (a person for themselves, any contact for their organisation, a deputy or Chair for what escalated to them),
/// withdrawing it, and what the cards show. Every change is audited in the same transaction.
/// </summary>
public sealed class AlertService(
    AppDbContext db,
    DirectoryService directory,
    AuditLog audit,
    WorkingCalendar calendar,
    INeedToKnowLists needToKnow,
    AlertAnswerWriter answers,
    AlertCardViews views,
    TimeProvider time,
    IOptions<AlertOptions> options,
    ILogger<AlertService> logger)
{
    internal const string ReferenceAlphabet = "ACDEFGHJKMNPQRTUVWXY3479";

    public async Task<Alert> CreateAsync(DirectoryPerson sender, AlertDraft draft, CancellationToken cancellationToken)
    {
        // Refusals are read by the sender, in the language the directory records for them.
        var language = Languages.FromTag(sender.PreferredLanguage);
        if (string.IsNullOrWhiteSpace(draft.Message) || draft.Message.Length > Alert.MaxMessageLength)
        {
            throw new AlertValidationException(AlertRefusal.MessageRequired, language);
        }

        if (draft.SituationCode is { Length: > Alert.MaxSituationCodeLength })
        {
            throw new AlertValidationException(AlertRefusal.SituationCodeTooLong, language);
        }

        var situationCode = await SituationTheSenderSeesAsync(sender, draft.SituationCode, language, cancellationToken);
        var now = time.GetUtcNow();
        var alert = new Alert
        {
            Id = Guid.CreateVersion7(now),
            Reference = NewReference(),
            SenderPersonId = sender.Id,
            SenderOrganisationId = sender.OrganisationId,
            Severity = draft.Severity,
            Category = draft.Category,
            SituationCode = situationCode,
            Message = draft.Message.Trim(),
            CreatedAt = now,
            Deadline = calendar.Deadline(draft.Severity, now),
        };

        var recipients = new List<AlertRecipient>();
        var deliveries = new Dictionary<Guid, AlertDelivery>();
        var personTargets = new HashSet<Guid>();

        async Task AddPersonAsync(Guid personId, AlertAudienceSource source, bool strict)
        {
            if (personId == sender.Id || !personTargets.Add(personId))
            {
                return;
            }

            var person = await directory.GetPersonAsync(personId, cancellationToken);
            if (person is not { Active: true })
            {
                if (strict)
                {
                    throw new AlertValidationException(AlertRefusal.UnknownPerson, language);
                }

                personTargets.Remove(personId);
                return;
            }

            var recipient = NewRecipient(alert, AlertRecipientKind.Person, person.Id, null, source);
            recipients.Add(recipient);
            deliveries.TryAdd(person.Id, NewDelivery(alert, recipient, person.Id, source, now));
        }

        foreach (var personId in draft.People ?? [])
        {
            await AddPersonAsync(personId, AlertAudienceSource.Person, strict: true);
        }

        foreach (var role in draft.Roles ?? [])
        {
            foreach (var person in await directory.GetPeopleWithRoleAsync(role, cancellationToken))
            {
                await AddPersonAsync(person.Id, AlertAudienceSource.Role, strict: false);
            }
        }

        if (draft.NeedToKnow)
        {
            var list = alert.SituationCode is null ? null : await needToKnow.GetPeopleAsync(alert.SituationCode, sender.Id, cancellationToken);
            if (list is null)
            {
                throw new AlertValidationException(AlertRefusal.NeedToKnowUnavailable, language);
            }

            foreach (var personId in list)
            {
                await AddPersonAsync(personId, AlertAudienceSource.NeedToKnow, strict: false);
            }
        }

        foreach (var organisationId in (draft.Organisations ?? []).Distinct())
        {
            if (await directory.GetOrganisationAsync(organisationId, cancellationToken) is null)
            {
                throw new AlertValidationException(AlertRefusal.UnknownOrganisation, language);
            }

            var recipient = NewRecipient(alert, AlertRecipientKind.Organisation, null, organisationId, AlertAudienceSource.Organisation);
            recipients.Add(recipient);
            foreach (var contact in await directory.GetContactsAsync(organisationId, cancellationToken))
            {
                if (contact.Id != sender.Id)
                {
                    deliveries.TryAdd(contact.Id, NewDelivery(alert, recipient, contact.Id, AlertAudienceSource.Organisation, now));
                }
            }
        }

        if (recipients.Count == 0)
        {
            throw new AlertValidationException(AlertRefusal.NoRecipient, language);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(alert);
        db.AddRange(recipients);
        db.AddRange(deliveries.Values);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditRecord(sender.EntraObjectId.ToString(), RoleOf(sender), AuditAction.Change, alert.SituationCode, "Alert", alert.Id.ToString(), "alert sent"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        AlertLog.Created(logger, alert.Id, alert.Severity, recipients.Count, deliveries.Count);
        return alert;
    }

    /// <summary>
    /// Records <paramref name="answer"/> for everything <paramref name="person"/> answers for (the tab's answer); a second
    /// answer changes nothing. Goes through <see cref="AlertAnswerWriter"/> like the card answers, with those given at the
    /// same moment; the result carries the card as it stands after them.
    /// </summary>
    public Task<AnswerResult> AnswerAsync(Guid alertId, DirectoryPerson person, AlertAnswer answer, CancellationToken cancellationToken) =>
        answers.WriteAsync(AlertAnswerRequest.ByPerson(alertId, answer, person), cancellationToken);

    /// <summary>
    /// Resolves, checks and records a batch of answers inside the caller's open transaction (<see cref="AlertAnswerWriter"/>):
    /// who answers (one query for the batch's people), then for each alert its state, what those people may answer
    /// (themselves, their organisation, or what escalated to them: one query for all of them), the writes
    /// (<see cref="ApplyAnswers"/>) and the card after the batch, handed to every answer of that alert. The answer's
    /// own request reads nothing: a hundred people pressing at once cost a few queries per batch, not three each, and
    /// what an answer was checked against cannot change before it is written. Synchronous, like everything it calls:
    /// it runs on the writer's own thread.
    /// </summary>
    internal AnswerResult[] RecordAnswers(IReadOnlyList<AlertAnswerRequest> requests)
    {
        var people = Identify(requests);
        var outcomes = new AnswerOutcome?[requests.Count];
        var writes = new List<AlertAnswerWrite>();
        var writers = new List<int>();
        var cards = new Dictionary<Guid, AlertCardView?>();
        foreach (var alert in Enumerable.Range(0, requests.Count).GroupBy(i => requests[i].AlertId))
        {
            var alertId = alert.Key;
            var row = AlertRowNow.For(db)(db, alertId, options.Value.RefreshUserLimit);
            var askers = alert.Select(i => people[i]).OfType<DirectoryPerson>().DistinctBy(p => p.Id).ToList();
            var answerable = row is null || askers.Count == 0 ? null : AnswerableBy(alertId, askers);
            foreach (var i in alert)
            {
                var targets = answerable is not null && people[i] is { } person ? answerable.For(person) : [];
                var open = targets.Where(t => t.Answer is null).Select(t => t.Id).ToList();
                outcomes[i] = row is null ? AnswerOutcome.NotFound
                    : targets.Count == 0 ? AnswerOutcome.NotARecipient
                    : row.Withdrawn ? AnswerOutcome.Withdrawn
                    : open.Count == 0 ? AnswerOutcome.AlreadyAnswered
                    : null;
                if (outcomes[i] is null)
                {
                    writes.Add(new AlertAnswerWrite(alertId, row!.SituationCode, people[i]!, requests[i].Answer, open, row.BeyondRefreshLimit));
                    writers.Add(i);
                }
            }
        }

        // A refusal of access (the alert exists, the person may not answer it) is audited with the batch's answers.
        var denied = Enumerable.Range(0, requests.Count)
            .Where(i => outcomes[i] == AnswerOutcome.NotARecipient)
            .Select(i => DeniedAnswer(requests[i], people[i]))
            .ToList();
        var changed = writes.Count == 0 ? [] : ApplyAnswers(writes, denied);
        if (writes.Count == 0 && denied.Count > 0)
        {
            audit.RecordMany(denied);
        }

        for (var w = 0; w < writers.Count; w++)
        {
            outcomes[writers[w]] = changed[w] ? AnswerOutcome.Recorded : AnswerOutcome.AlreadyAnswered;
        }

        // The card after the batch, for the people who may see it (an unknown alert or a stranger gets none).
        foreach (var alertId in requests.Where((_, i) => outcomes[i] is not (AnswerOutcome.NotFound or AnswerOutcome.NotARecipient)).Select(r => r.AlertId).Distinct())
        {
            cards[alertId] = GetCardView(alertId);
        }

        return [.. requests.Select((r, i) => outcomes[i]!.Value switch
        {
            AnswerOutcome.NotFound or AnswerOutcome.NotARecipient => new AnswerResult(outcomes[i]!.Value, null),
            var seen => new AnswerResult(seen, cards[r.AlertId]),
        })];
    }

    /// <summary>The Denied entry of an answer refused to someone who is not (or not known as) a recipient: the alert, no content.</summary>
    private static AuditRecord DeniedAnswer(AlertAnswerRequest request, DirectoryPerson? person) => new(
        person?.EntraObjectId.ToString() ?? request.EntraObjectId?.ToString() ?? "unknown",
        person is null ? null : RoleOf(person),
        AuditAction.Denied,
        null,
        "Alert",
        request.AlertId.ToString(),
        person is null ? "alert answer refused: not in the directory" : "alert answer refused: not a recipient",
        AuditOutcome.Denied);

    /// <summary>Who gives each answer: the person given, else the active person with the Entra object id, else with the Teams user id.</summary>
    private DirectoryPerson?[] Identify(IReadOnlyList<AlertAnswerRequest> requests)
    {
        var people = new DirectoryPerson?[requests.Count];
        var byObjectId = directory.FindByEntraObjectIds(
            [.. requests.Where(r => r.Person is null && r.EntraObjectId is not null).Select(r => r.EntraObjectId!.Value).Distinct()]);
        for (var i = 0; i < requests.Count; i++)
        {
            people[i] = requests[i].Person
                ?? (requests[i].EntraObjectId is { } oid && byObjectId.TryGetValue(oid, out var found) && found.Active ? found : null);
        }

        var unknown = Enumerable.Range(0, requests.Count).Where(i => people[i] is null && requests[i].Person is null && requests[i].TeamsUserId is not null).ToList();
        if (unknown.Count > 0)
        {
            var byTeamsId = directory.FindByTeamsUserIds([.. unknown.Select(i => requests[i].TeamsUserId!).Distinct()]);
            foreach (var i in unknown)
            {
                people[i] = byTeamsId.TryGetValue(requests[i].TeamsUserId!, out var found) && found.Active ? found : null;
            }
        }

        return people;
    }

    /// <summary>
    /// What these people may answer on the alert, in one query: the recipients naming them or their organisations, and
    /// those escalated to them.
    /// </summary>
    private Answerable AnswerableBy(Guid alertId, IReadOnlyList<DirectoryPerson> people)
    {
        var personIds = people.Select(p => p.Id).ToList();
        var organisationIds = people.Select(p => p.OrganisationId).Distinct().ToList();
        var named = db.Set<AlertRecipient>().AsNoTracking()
            .Where(r => r.AlertId == alertId
                && ((r.Kind == AlertRecipientKind.Person && EF.Parameter(personIds).Contains(r.PersonId!.Value))
                    || (r.Kind == AlertRecipientKind.Organisation && EF.Parameter(organisationIds).Contains(r.OrganisationId!.Value))))
            .Select(r => new { r.Id, r.Kind, r.PersonId, r.OrganisationId, r.Answer, EscalatedTo = (Guid?)null });
        var escalated =
            from e in db.Set<AlertEscalation>().AsNoTracking()
            where e.AlertId == alertId && e.ToPersonId != null && EF.Parameter(personIds).Contains(e.ToPersonId!.Value)
            join r in db.Set<AlertRecipient>().AsNoTracking() on e.RecipientId equals r.Id
            select new { r.Id, r.Kind, r.PersonId, r.OrganisationId, r.Answer, EscalatedTo = e.ToPersonId };
        var rows = named.Concat(escalated).ToList();
        return new Answerable([.. rows.Select(r => new AnswerableRecipient(r.Id, r.Kind, r.PersonId, r.OrganisationId, r.Answer, r.EscalatedTo))]);
    }

    private sealed record AnswerableRecipient(Guid Id, AlertRecipientKind Kind, Guid? PersonId, Guid? OrganisationId, AlertAnswer? Answer, Guid? EscalatedTo);

    private sealed record Answerable(List<AnswerableRecipient> Recipients)
    {
        public List<AnswerTarget> For(DirectoryPerson person) => [.. Recipients
            .Where(r => r.EscalatedTo == person.Id
                || (r.EscalatedTo is null && r.Kind == AlertRecipientKind.Person && r.PersonId == person.Id)
                || (r.EscalatedTo is null && r.Kind == AlertRecipientKind.Organisation && r.OrganisationId == person.OrganisationId))
            .DistinctBy(r => r.Id)
            .Select(r => new AnswerTarget(r.Id, r.Answer))];
    }

    /// <summary>
    /// Writes a batch of answers inside the caller's open transaction (<see cref="AlertAnswerWriter"/>): for each, the
    /// recipients still unanswered, with every changed alert's version and card update request in the same command
    /// (<see cref="AnswerRecipients"/>); then the audit entries in one append. An answer is false when someone answered
    /// first (nothing written).
    /// </summary>
    internal bool[] ApplyAnswers(IReadOnlyList<AlertAnswerWrite> writes, IReadOnlyList<AuditRecord>? denied = null)
    {
        var now = time.GetUtcNow();
        var outcomes = new bool[writes.Count];
        var records = new List<AuditRecord>(writes.Count + (denied?.Count ?? 0));
        records.AddRange(denied ?? []);

        // Each recipient once, for the first answer of the batch that names it (two contacts of one organisation
        // pressing together: the first one answers, as if one after the other).
        var owners = new Dictionary<Guid, int>();
        for (var i = 0; i < writes.Count; i++)
        {
            foreach (var recipientId in writes[i].RecipientIds)
            {
                owners.TryAdd(recipientId, i);
            }
        }

        var answered = AnswerRecipients(writes, [.. owners], now);
        for (var i = 0; i < writes.Count; i++)
        {
            var (alertId, situationCode, person, answer, recipientIds, _) = writes[i];
            var changed = recipientIds.Count(r => owners[r] == i && answered.Contains(r));
            if (changed == 0)
            {
                continue;
            }

            outcomes[i] = true;
            records.Add(new AuditRecord(person.EntraObjectId.ToString(), RoleOf(person), AuditAction.Acknowledge, situationCode, "Alert", alertId.ToString(), $"alert answered: {answer}"));
            AlertLog.Answered(logger, alertId, answer, changed);
        }

        audit.RecordMany(records);
        return outcomes;
    }

    /// <summary>
    /// Records the answers of a batch in one command, one round trip: the recipients (<c>UPDATE … FROM</c> the given rows
    /// <c>… RETURNING</c>, understood by SQLite and PostgreSQL alike, the rows passed as a table: <see cref="SqlRows"/>),
    /// then for each alert of the batch that one of them changed, its version raised by the number of people who
    /// answered it and, beyond Teams' refresh limit, its card update request (durable, coalesced per alert, done by the
    /// worker: every card already sent is replaced). "Changed" is read back in the same transaction as the recipients
    /// answered at this batch's instant. Only recipients still unanswered change; returns those that did.
    /// </summary>
    private HashSet<Guid> AnswerRecipients(IReadOnlyList<AlertAnswerWrite> writes, IReadOnlyList<KeyValuePair<Guid, int>> recipients, DateTimeOffset now)
    {
        var (given, parameters) = SqlRows.Of(
            db,
            "given",
            recipients.Select(r => r.Key).ToArray(),
            recipients.Select(r => writes[r.Value].Answer.ToString()).ToArray(),
            recipients.Select(r => writes[r.Value].Person.Id).ToArray());
        var sql = new StringBuilder($$"""
            WITH "Given" ("RecipientId", "GivenAnswer", "GivenBy") AS ({{given}})
            UPDATE "AlertRecipients"
            SET "Answer" = "Given"."GivenAnswer", "AnsweredAt" = {0}, "AnsweredByPersonId" = "Given"."GivenBy", "EscalationDueAt" = NULL
            FROM "Given"
            WHERE "AlertRecipients"."Id" = "Given"."RecipientId" AND "AlertRecipients"."Answer" IS NULL
            RETURNING "AlertRecipients"."Id" AS "Value";
            """);
        const string At = "{0}"; // the batch's instant, the first value
        object[] values = [AlertSql.Time(db, now), .. parameters];
        foreach (var alert in writes.GroupBy(w => w.AlertId))
        {
            var key = $"{{{values.Length}}}";
            values = [.. values, AlertSql.Key(db, alert.Key)];
            var answeredNow = $"""SELECT 1 FROM "AlertRecipients" WHERE "AlertId" = {key} AND "AnsweredAt" = {At}""";
            sql.Append(CultureInfo.InvariantCulture, $"""

                UPDATE "Alerts"
                SET "Version" = "Version" + (SELECT COUNT(DISTINCT "AnsweredByPersonId") FROM "AlertRecipients" WHERE "AlertId" = {key} AND "AnsweredAt" = {At})
                WHERE "Id" = {key} AND EXISTS ({answeredNow});
                """);
            if (alert.Any(w => w.ScheduleCardUpdate))
            {
                var stamp = $"{{{values.Length}}}";
                values = [.. values, AlertSql.Key(db, Guid.NewGuid())];
                sql.Append(CultureInfo.InvariantCulture, $"""

                    INSERT INTO "AlertCardUpdates" ("AlertId", "Stamp", "RequestedAt")
                    SELECT {key}, {stamp}, {At} WHERE EXISTS ({answeredNow})
                    ON CONFLICT ("AlertId") DO UPDATE SET "Stamp" = excluded."Stamp", "RequestedAt" = excluded."RequestedAt";
                    """);
            }
        }

        return [.. db.Database.SqlQueryRaw<Guid>(sql.ToString(), values)];
    }

    /// <summary>Withdraws the alert (its sender, or the Chair or a Coordinator): queued cards are cancelled, sent ones updated.</summary>
    public async Task<bool> WithdrawAsync(Guid alertId, DirectoryPerson person, CancellationToken cancellationToken)
    {
        var alert = await db.Set<Alert>().FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null)
        {
            return false;
        }

        if (alert.SenderPersonId != person.Id && !person.HasRole(DirectoryRole.Chair) && !person.HasRole(DirectoryRole.Coordinator))
        {
            await audit.RecordAsync(
                new AuditRecord(person.EntraObjectId.ToString(), RoleOf(person), AuditAction.Denied, null, "Alert", alertId.ToString(), "alert withdrawal refused", AuditOutcome.Denied),
                cancellationToken);
            return false;
        }

        if (alert.WithdrawnAt is not null)
        {
            return true;
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        alert.WithdrawnAt = now;
        alert.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<AlertRecipient>().Where(r => r.AlertId == alertId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EscalationDueAt, (DateTimeOffset?)null), cancellationToken);
        await db.Set<AlertDelivery>().Where(d => d.AlertId == alertId && d.Status == AlertDeliveryStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, AlertDeliveryStatus.Cancelled), cancellationToken);
        await MarkSentCardsForUpdateAsync(alertId, now, cancellationToken);
        await audit.RecordAsync(
            new AuditRecord(person.EntraObjectId.ToString(), RoleOf(person), AuditAction.Change, alert.SituationCode, "Alert", alertId.ToString(), "alert withdrawn"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        AlertLog.Withdrawn(logger, alertId);
        return true;
    }

    /// <summary>What the card shows at <paramref name="version"/>: the cached view of that version, else built now.</summary>
    public async Task<AlertCardView?> CardViewAsync(Guid alertId, int version, CancellationToken cancellationToken)
    {
        if (views.Find(alertId, version) is { } cached)
        {
            return cached;
        }

        var view = await GetCardViewAsync(alertId, cancellationToken);
        if (view is not null)
        {
            views.Keep(view);
        }

        return view;
    }

    /// <summary>What the card shows now for a person who may see it (null when the alert is unknown or not theirs).</summary>
    public async Task<AlertCardView?> CardViewForAsync(Guid alertId, DirectoryPerson person, CancellationToken cancellationToken) =>
        await AnswerStateAsync(alertId, person, cancellationToken) is { Targets.Count: > 0 } state
            ? await CardViewAsync(alertId, state.Version, cancellationToken)
            : null;

    /// <summary>
    /// What the card shows now (null for an unknown alert), in one read (<see cref="CardViewQuery"/>): every batch of
    /// answers and every card the worker builds reads it.
    /// </summary>
    public async Task<AlertCardView?> GetCardViewAsync(Guid alertId, CancellationToken cancellationToken)
    {
        var rows = new List<CardViewRow>(AlertCardView.MaxAnswerLines);
        await foreach (var row in CardViewQuery.For(db)(db, alertId).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        return ToCardView(alertId, rows);
    }

    /// <summary><see cref="GetCardViewAsync"/> with the driver's synchronous calls (the answer writer's thread).</summary>
    private AlertCardView? GetCardView(Guid alertId) => ToCardView(alertId, CardViewNow.For(db)(db, alertId));

    private static AlertCardView? ToCardView(Guid alertId, IEnumerable<CardViewRow> rows)
    {
        CardViewRow? alert = null;
        var answered = new List<CardViewRow>(AlertCardView.MaxAnswerLines);
        foreach (var row in rows)
        {
            alert ??= row;
            if (row.Answer is not null)
            {
                answered.Add(row);
            }
        }

        if (alert is null)
        {
            return null;
        }

        var answers = new List<AlertCardAnswer>(answered.Count);
        foreach (var row in answered.OrderBy(r => r.AnsweredAt))
        {
            answers.Add(new AlertCardAnswer(row.AnswererOrganisation ?? "—", row.Answer!.Value, row.AnsweredAt!.Value));
        }

        var counts = new Dictionary<AlertAnswer, int>();
        Count(AlertAnswer.Acknowledged, alert.Acknowledged);
        Count(AlertAnswer.NeedMoreInformation, alert.NeedMoreInformation);
        Count(AlertAnswer.NotConcerned, alert.NotConcerned);

        return new AlertCardView(
            alertId,
            alert.Reference,
            alert.SituationCode,
            alert.Severity,
            alert.Category,
            alert.SenderOrganisation ?? "—",
            alert.Deadline,
            alert.Withdrawn,
            alert.Version,
            answers)
        {
            AnswerCounts = counts,
        };

        void Count(AlertAnswer answer, int count)
        {
            if (count > 0)
            {
                counts[answer] = count;
            }
        }
    }

    /// <summary>
    /// The recipients (of this alert) <paramref name="person"/> may answer for: themselves, their organisation, or what
    /// escalated to them — three index lookups, not a filter over every recipient of the alert.
    /// </summary>
    public async Task<IReadOnlyList<AlertRecipient>> AnswerableAsync(Guid alertId, DirectoryPerson person, CancellationToken cancellationToken)
    {
        var answerable = new List<AlertRecipient>();
        await foreach (var recipient in AnswerableQuery.For(db)(db, alertId, person.Id, person.OrganisationId).WithCancellation(cancellationToken))
        {
            if (!answerable.Exists(r => r.Id == recipient.Id))
            {
                answerable.Add(recipient);
            }
        }

        return answerable;
    }

    /// <summary>
    /// The alert's state, whether it has more cards than Teams refreshes, and the recipients <paramref name="person"/>
    /// may answer for (themselves, their organisation, or what escalated to them) with their answers. Null for an
    /// unknown alert. Two small indexed queries whose cost does not grow with the number of recipients: the alert's row
    /// with "is there a card beyond the limit" (not a count of every card), then <see cref="AnswerableAsync"/>.
    /// </summary>
    private async Task<AnswerState?> AnswerStateAsync(Guid alertId, DirectoryPerson person, CancellationToken cancellationToken)
    {
        var row = await AlertRowQuery.For(db)(db, alertId, options.Value.RefreshUserLimit);
        if (row is null)
        {
            return null;
        }

        var targets = (await AnswerableAsync(alertId, person, cancellationToken)).Select(r => new AnswerTarget(r.Id, r.Answer)).ToList();
        return new AnswerState(row.Withdrawn, row.SituationCode, row.Version, row.BeyondRefreshLimit, targets);
    }

    /// <summary>
    /// Compiled once (per model), for both ways of calling the driver: every card answer runs these, and EF's per-call
    /// translation was a third of an answer's CPU.
    /// </summary>
    private static readonly Expression<Func<AppDbContext, Guid, int, AlertRow?>> AlertRowOf = (db, alertId, refreshLimit) =>
        db.Set<Alert>().AsNoTracking()
            .Where(a => a.Id == alertId)
            .Select(a => new AlertRow(
                a.WithdrawnAt != null,
                a.SituationCode,
                a.Version,
                db.Set<AlertDelivery>().Where(d => d.AlertId == alertId).Skip(refreshLimit).Any()))
            .FirstOrDefault();

    private static readonly PerModel<Func<AppDbContext, Guid, int, Task<AlertRow?>>> AlertRowQuery = new(() => EF.CompileAsyncQuery(AlertRowOf));

    private static readonly PerModel<Func<AppDbContext, Guid, int, AlertRow?>> AlertRowNow = new(() => EF.CompileQuery(AlertRowOf));

    private static readonly PerModel<Func<AppDbContext, Guid, Guid, Guid, IAsyncEnumerable<AlertRecipient>>> AnswerableQuery = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid alertId, Guid personId, Guid organisationId) => db.Set<AlertRecipient>().AsNoTracking()
            .Where(r => r.AlertId == alertId && r.Kind == AlertRecipientKind.Person && r.PersonId == personId)
            .Concat(db.Set<AlertRecipient>().AsNoTracking()
                .Where(r => r.AlertId == alertId && r.Kind == AlertRecipientKind.Organisation && r.OrganisationId == organisationId))
            .Concat(
                from e in db.Set<AlertEscalation>().AsNoTracking()
                where e.AlertId == alertId && e.ToPersonId == personId
                join r in db.Set<AlertRecipient>().AsNoTracking() on e.RecipientId equals r.Id
                select r)));

    /// <summary>
    /// The card view in one statement: the alert with its sender organisation's name, its answers counted by kind, and the
    /// latest <see cref="AlertCardView.MaxAnswerLines"/> answers with the answering organisation's name, one row each (one
    /// row with no answer when there is none). The latest are taken first, in the order of the <c>(AlertId, AnsweredAt)</c>
    /// index, and only they are joined to their organisation: joining every answer before keeping 40 made each batch's
    /// read grow with the answers given (1.5 ms at 400 on PostgreSQL). Each count is a subquery on the alert's id alone,
    /// which both databases evaluate once per statement; joined as a grouped subquery instead, PostgreSQL planned it on
    /// the inside of the answer lines' loop, once per line, after a fan-out had left its statistics behind (10 ms).
    /// Only codes, categories, organisations and times: nothing about a person is read. A new <see cref="AlertAnswer"/>
    /// needs its count here (<c>AlertCardViewTests</c> answers with every value).
    /// </summary>
    private static readonly Expression<Func<AppDbContext, Guid, IQueryable<CardViewRow>>> CardViewOf = (db, alertId) =>
        from a in db.Set<Alert>().AsNoTracking()
        where a.Id == alertId
        join sender in db.Set<Organisation>().AsNoTracking() on a.SenderOrganisationId equals sender.Id into senders
        from sender in senders.DefaultIfEmpty()
        join l in
            from r in db.Set<AlertRecipient>().AsNoTracking()
                .Where(r => r.AlertId == alertId && r.AnsweredAt != null && r.Answer != null)
                .OrderByDescending(r => r.AnsweredAt)
                .Take(AlertCardView.MaxAnswerLines)
            join p in db.Set<Person>().AsNoTracking() on r.AnsweredByPersonId equals (Guid?)p.Id into answerers
            from p in answerers.DefaultIfEmpty()
            join o in db.Set<Organisation>().AsNoTracking() on r.OrganisationId ?? (Guid?)p.OrganisationId equals (Guid?)o.Id into organisations
            from o in organisations.DefaultIfEmpty()
            select new { r.AlertId, r.Answer, r.AnsweredAt, Organisation = o.Name }
            on a.Id equals l.AlertId into latest
        from l in latest.DefaultIfEmpty()
        select new CardViewRow(
            a.Reference,
            a.SituationCode,
            a.Severity,
            a.Category,
            sender.Name,
            a.Deadline,
            a.WithdrawnAt != null,
            a.Version,
            db.Set<AlertRecipient>().Count(r => r.AlertId == alertId && r.Answer == AlertAnswer.Acknowledged),
            db.Set<AlertRecipient>().Count(r => r.AlertId == alertId && r.Answer == AlertAnswer.NeedMoreInformation),
            db.Set<AlertRecipient>().Count(r => r.AlertId == alertId && r.Answer == AlertAnswer.NotConcerned),
            l.Answer,
            l.AnsweredAt,
            l.Organisation);

    private static readonly PerModel<Func<AppDbContext, Guid, IAsyncEnumerable<CardViewRow>>> CardViewQuery = new(() => EF.CompileAsyncQuery(CardViewOf));

    private static readonly PerModel<Func<AppDbContext, Guid, IEnumerable<CardViewRow>>> CardViewNow = new(() => EF.CompileQuery(CardViewOf));

    private sealed record CardViewRow(
        string Reference,
        string? SituationCode,
        AlertSeverity Severity,
        AlertCategory Category,
        string? SenderOrganisation,
        DateTimeOffset Deadline,
        bool Withdrawn,
        int Version,
        int Acknowledged,
        int NeedMoreInformation,
        int NotConcerned,
        AlertAnswer? Answer,
        DateTimeOffset? AnsweredAt,
        string? AnswererOrganisation);

    private sealed record AnswerState(bool Withdrawn, string? SituationCode, int Version, bool BeyondRefreshLimit, List<AnswerTarget> Targets);

    private sealed record AlertRow(bool Withdrawn, string? SituationCode, int Version, bool BeyondRefreshLimit);

    private sealed record AnswerTarget(Guid Id, AlertAnswer? Answer);

    /// <summary>Alerts not withdrawn that still wait for an answer <paramref name="person"/> may give, oldest deadline first.</summary>
    public async Task<IReadOnlyList<Alert>> PendingForAsync(DirectoryPerson person, CancellationToken cancellationToken)
    {
        var escalated = await db.Set<AlertEscalation>().AsNoTracking()
            .Where(e => e.ToPersonId == person.Id)
            .Select(e => e.RecipientId)
            .ToListAsync(cancellationToken);
        var alertIds = await db.Set<AlertRecipient>().AsNoTracking()
            .Where(r => r.Answer == null
                && ((r.Kind == AlertRecipientKind.Person && r.PersonId == person.Id)
                    || (r.Kind == AlertRecipientKind.Organisation && r.OrganisationId == person.OrganisationId)
                    || escalated.Contains(r.Id)))
            .Select(r => r.AlertId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var alerts = await db.Set<Alert>().AsNoTracking()
            .Where(a => alertIds.Contains(a.Id) && a.WithdrawnAt == null)
            .ToListAsync(cancellationToken);
        return [.. alerts.OrderBy(a => a.Deadline)];
    }

    internal static string RoleOf(DirectoryPerson person) =>
        person.Roles.Count == 0 ? "none" : string.Join(',', person.Roles);

    /// <summary>Marks every card already sent for the alert to be replaced by the worker.</summary>
    internal async Task MarkSentCardsForUpdateAsync(Guid alertId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Set<AlertDelivery>()
            .Where(d => d.AlertId == alertId && d.Status == AlertDeliveryStatus.Sent)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.PendingUpdate, true).SetProperty(d => d.NextAttemptAt, now), cancellationToken);

    private static AlertRecipient NewRecipient(Alert alert, AlertRecipientKind kind, Guid? personId, Guid? organisationId, AlertAudienceSource source) => new()
    {
        Id = Guid.NewGuid(),
        AlertId = alert.Id,
        Kind = kind,
        PersonId = personId,
        OrganisationId = organisationId,
        ChosenAs = source,
        EscalationDueAt = alert.Deadline,
    };

    internal static AlertDelivery NewDelivery(Alert alert, AlertRecipient recipient, Guid personId, AlertAudienceSource reason, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        AlertId = alert.Id,
        RecipientId = recipient.Id,
        PersonId = personId,
        Reason = reason,
        Status = AlertDeliveryStatus.Queued,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>
    /// The situation an alert is about, normalised: only one the sender sees the content of (on its list, or the Chair).
    /// An unknown code and a code the sender may not see get the same refusal, so a sender cannot probe for codes; the
    /// refusal is audited as Denied (with the code only when it is one, never the text typed).
    /// </summary>
    private async Task<string?> SituationTheSenderSeesAsync(DirectoryPerson sender, string? typed, UserLanguage language, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var code = SituationCodes.Normalise(typed);
        if (code is not null && (await needToKnow.VisibleAsync([code], sender, cancellationToken)).Contains(code))
        {
            return code;
        }

        await audit.RecordAsync(
            new AuditRecord(sender.EntraObjectId.ToString(), RoleOf(sender), AuditAction.Denied, code, "Situation", null,
                "alert about a situation the sender may not see refused", AuditOutcome.Denied),
            cancellationToken);
        throw new AlertValidationException(AlertRefusal.UnknownSituation, language);
    }

    private static string NewReference()
    {
        Span<char> chars = stackalloc char[6];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = ReferenceAlphabet[RandomNumberGenerator.GetInt32(ReferenceAlphabet.Length)];
        }

        return $"AL-{chars}";
    }
}
