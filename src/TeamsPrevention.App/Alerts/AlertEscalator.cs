using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Works the escalation clock kept in the database (<see cref="AlertRecipient.EscalationDueAt"/>): a recipient that has
/// not answered by then goes to the deputy (level 1; for an organisation, its contacts' deputies), then to the Chair
/// (level 2). Each step is claimed with a lease, recorded (<see cref="AlertEscalation"/>), audited and queues cards.
/// </summary>
public sealed class AlertEscalator(
    AppDbContext db,
    DirectoryService directory,
    AuditLog audit,
    WorkingCalendar calendar,
    TimeProvider time,
    IOptions<AlertOptions> options,
    ILogger<AlertEscalator> logger)
{
    /// <summary>An escalation step's lease: a time only (the step is written in one transaction, whoever took it).</summary>
    private static readonly Lease<AlertRecipient> EscalationLease = new(null, r => r.EscalationLeaseUntil);

    /// <summary>Escalates the recipients due now; returns how many steps were taken.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Set<AlertRecipient>().AsNoTracking()
            .Where(r => r.EscalationDueAt != null && r.EscalationDueAt <= now && r.Answer == null)
            .Where(EscalationLease.FreeAt(now))
            .OrderBy(r => r.EscalationDueAt)
            .Select(r => r.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        var steps = 0;
        foreach (var id in due)
        {
            var row = db.Set<AlertRecipient>().Where(r => r.Id == id && r.Answer == null && r.EscalationDueAt != null);
            if (!await EscalationLease.TryClaimAsync(row, null, now, options.Value.Delivery.Lease, cancellationToken))
            {
                continue;
            }

            try
            {
                await EscalateAsync(id, now, cancellationToken);
                steps++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                AlertLog.EscalationError(logger, e, id);
                db.ChangeTracker.Clear();
            }
        }

        return steps;
    }

    private async Task EscalateAsync(Guid recipientId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipient = await db.Set<AlertRecipient>().FirstAsync(r => r.Id == recipientId, cancellationToken);
        var alert = await db.Set<Alert>().AsNoTracking().FirstAsync(a => a.Id == recipient.AlertId, cancellationToken);

        var level = recipient.EscalationLevel + 1;
        IReadOnlyList<DirectoryPerson> people = [];
        if (level == 1)
        {
            people = await DeputiesAsync(recipient, now, cancellationToken);
            if (people.Count == 0)
            {
                level = 2;
            }
        }

        if (level == 2)
        {
            people = await directory.GetPeopleWithRoleAsync(DirectoryRole.Chair, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Set<AlertDelivery>().AsNoTracking()
            .Where(d => d.AlertId == alert.Id)
            .Select(d => d.PersonId)
            .ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            db.Add(new AlertEscalation { Id = Guid.NewGuid(), AlertId = alert.Id, RecipientId = recipient.Id, Level = level, ToPersonId = person.Id, At = now });
            if (!existing.Contains(person.Id) && alert.WithdrawnAt is null)
            {
                db.Add(AlertService.NewDelivery(alert, recipient, person.Id, AlertAudienceSource.Escalation, now));
                existing.Add(person.Id);
            }
        }

        if (people.Count == 0)
        {
            db.Add(new AlertEscalation { Id = Guid.NewGuid(), AlertId = alert.Id, RecipientId = recipient.Id, Level = level, ToPersonId = null, At = now });
        }

        recipient.EscalationLevel = level;
        recipient.EscalationDueAt = level >= 2 || alert.WithdrawnAt is not null ? null : calendar.Deadline(alert.Severity, now);
        recipient.EscalationLeaseUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditRecord(AuditRecord.SystemActor, null, AuditAction.System, alert.SituationCode, "AlertRecipient", recipient.Id.ToString(),
                $"alert escalated to level {level} ({(level == 1 ? "deputy" : "chair")}), {people.Count} people"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        AlertLog.Escalated(logger, recipient.Id, level, people.Count);
    }

    private async Task<IReadOnlyList<DirectoryPerson>> DeputiesAsync(AlertRecipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (recipient.Kind == AlertRecipientKind.Person)
        {
            var deputy = await directory.GetDeputyAsync(recipient.PersonId!.Value, now, cancellationToken);
            return deputy is null || deputy.Id == recipient.PersonId ? [] : [deputy];
        }

        var contacts = await directory.GetContactsAsync(recipient.OrganisationId!.Value, cancellationToken);
        var deputies = new Dictionary<Guid, DirectoryPerson>();
        foreach (var contact in contacts)
        {
            if (await directory.GetDeputyAsync(contact.Id, now, cancellationToken) is { } deputy && contacts.All(c => c.Id != deputy.Id))
            {
                deputies.TryAdd(deputy.Id, deputy);
            }
        }

        return [.. deputies.Values];
    }
}
