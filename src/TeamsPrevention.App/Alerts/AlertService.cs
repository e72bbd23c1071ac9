using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;

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
    TimeProvider time,
    IOptions<AlertOptions> options,
    ILogger<AlertService> logger)
{
    private const string ReferenceAlphabet = "ACDEFGHJKMNPQRTUVWXY3479";

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

        var now = time.GetUtcNow();
        var alert = new Alert
        {
            Id = Guid.CreateVersion7(now),
            Reference = NewReference(),
            SenderPersonId = sender.Id,
            SenderOrganisationId = sender.OrganisationId,
            Severity = draft.Severity,
            Category = draft.Category,
            SituationCode = string.IsNullOrWhiteSpace(draft.SituationCode) ? null : draft.SituationCode.Trim(),
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
    /// Records <paramref name="answer"/> for everything <paramref name="person"/> answers for; a second click changes
    /// nothing. Reads first, then one small write (the answer, the alert's version, the audit entry, and — beyond Teams'
    /// refresh limit — one <see cref="AlertCardUpdate"/> row), committed together with the answers given at the same
    /// moment (<see cref="AlertAnswerWriter"/>): the other recipients' cards are replaced later by the worker.
    /// </summary>
    public async Task<AnswerOutcome> AnswerAsync(Guid alertId, DirectoryPerson person, AlertAnswer answer, CancellationToken cancellationToken)
    {
        var alert = await db.Set<Alert>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null)
        {
            return AnswerOutcome.NotFound;
        }

        if (alert.WithdrawnAt is not null)
        {
            return AnswerOutcome.Withdrawn;
        }

        var targets = await AnswerableAsync(alertId, person, cancellationToken);
        if (targets.Count == 0)
        {
            return AnswerOutcome.NotARecipient;
        }

        var open = targets.Where(t => t.Answer is null).Select(t => t.Id).ToList();
        if (open.Count == 0)
        {
            return AnswerOutcome.AlreadyAnswered;
        }

        var cards = await db.Set<AlertDelivery>().CountAsync(d => d.AlertId == alertId, cancellationToken);
        var write = new AlertAnswerWrite(alertId, alert.SituationCode, person, answer, open, cards > options.Value.RefreshUserLimit);
        return await answers.WriteAsync(write, cancellationToken) ? AnswerOutcome.Recorded : AnswerOutcome.AlreadyAnswered;
    }

    /// <summary>
    /// Writes one answer inside the caller's open transaction (<see cref="AlertAnswerWriter"/>'s batch): the recipients
    /// still unanswered, the alert's version, the card update request (beyond the refresh limit) and the audit entry.
    /// False when someone answered first (nothing written).
    /// </summary>
    internal async Task<bool> ApplyAnswerAsync(AlertAnswerWrite write, CancellationToken cancellationToken)
    {
        var (alertId, situationCode, person, answer, recipientIds, scheduleCardUpdate) = write;
        var now = time.GetUtcNow();
        var changed = 0;
        foreach (var recipientId in recipientIds)
        {
            changed += await db.Set<AlertRecipient>()
                .Where(r => r.Id == recipientId && r.Answer == null)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Answer, answer)
                        .SetProperty(r => r.AnsweredAt, now)
                        .SetProperty(r => r.AnsweredByPersonId, person.Id)
                        .SetProperty(r => r.EscalationDueAt, (DateTimeOffset?)null),
                    cancellationToken);
        }

        if (changed == 0)
        {
            return false;
        }

        await db.Set<Alert>().Where(a => a.Id == alertId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
        if (scheduleCardUpdate)
        {
            // Beyond Teams' refresh limit, every card already sent is replaced: scheduled here, done by the worker.
            await ScheduleCardUpdateAsync(alertId, now, cancellationToken);
        }

        await audit.RecordAsync(
            new AuditRecord(person.EntraObjectId.ToString(), RoleOf(person), AuditAction.Acknowledge, situationCode, "Alert", alertId.ToString(), $"alert answered: {answer}"),
            cancellationToken);
        AlertLog.Answered(logger, alertId, answer, changed);
        return true;
    }

    /// <summary>Withdraws the alert (its sender, or the Chair or a Coordinator): queued cards are cancelled, sent ones updated.</summary>
    public async Task<bool> WithdrawAsync(Guid alertId, DirectoryPerson person, CancellationToken cancellationToken)
    {
        var alert = await db.Set<Alert>().FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null || (alert.SenderPersonId != person.Id && !person.HasRole(DirectoryRole.Chair) && !person.HasRole(DirectoryRole.Coordinator)))
        {
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

    /// <summary>What the card shows now (null for an unknown alert).</summary>
    public async Task<AlertCardView?> GetCardViewAsync(Guid alertId, CancellationToken cancellationToken)
    {
        var alert = await db.Set<Alert>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null)
        {
            return null;
        }

        var organisations = (await directory.GetOrganisationsAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Name);
        // One query for every answer and its answerer's organisation (not one lookup per answer).
        var answered = await (
            from r in db.Set<AlertRecipient>().AsNoTracking()
            where r.AlertId == alertId && r.Answer != null
            join p in db.Set<Person>().AsNoTracking() on r.AnsweredByPersonId equals (Guid?)p.Id into answerers
            from p in answerers.DefaultIfEmpty()
            select new { r.OrganisationId, r.Answer, r.AnsweredAt, AnswererOrganisationId = (Guid?)p.OrganisationId })
            .ToListAsync(cancellationToken);
        var answers = new List<AlertCardAnswer>();
        foreach (var recipient in answered.OrderBy(r => r.AnsweredAt))
        {
            var organisationId = recipient.OrganisationId ?? recipient.AnswererOrganisationId;
            var name = organisationId is { } id && organisations.TryGetValue(id, out var found) ? found : "—";
            answers.Add(new AlertCardAnswer(name, recipient.Answer!.Value, recipient.AnsweredAt!.Value));
        }

        return new AlertCardView(
            alert.Id,
            alert.Reference,
            alert.SituationCode,
            alert.Severity,
            alert.Category,
            organisations.GetValueOrDefault(alert.SenderOrganisationId, "—"),
            alert.Deadline,
            alert.WithdrawnAt is not null,
            alert.Version,
            answers);
    }

    /// <summary>The recipients (of this alert) <paramref name="person"/> may answer for.</summary>
    public async Task<IReadOnlyList<AlertRecipient>> AnswerableAsync(Guid alertId, DirectoryPerson person, CancellationToken cancellationToken)
    {
        var escalated = await db.Set<AlertEscalation>().AsNoTracking()
            .Where(e => e.AlertId == alertId && e.ToPersonId == person.Id)
            .Select(e => e.RecipientId)
            .ToListAsync(cancellationToken);
        return await db.Set<AlertRecipient>().AsNoTracking()
            .Where(r => r.AlertId == alertId
                && ((r.Kind == AlertRecipientKind.Person && r.PersonId == person.Id)
                    || (r.Kind == AlertRecipientKind.Organisation && r.OrganisationId == person.OrganisationId)
                    || escalated.Contains(r.Id)))
            .ToListAsync(cancellationToken);
    }

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

    /// <summary>Asks the worker (durably, in the caller's transaction) to replace the alert's sent cards; coalesced per alert.</summary>
    private async Task ScheduleCardUpdateAsync(Guid alertId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "AlertCardUpdates" ("AlertId", "Stamp", "RequestedAt")
            VALUES ({AlertSql.Key(db, alertId)}, {AlertSql.Key(db, Guid.NewGuid())}, {AlertSql.Time(db, now)})
            ON CONFLICT ("AlertId") DO UPDATE SET "Stamp" = excluded."Stamp", "RequestedAt" = excluded."RequestedAt"
            """,
            cancellationToken);

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
