using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Situations;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// A year of fictitious past alerts beside the demo history of situations (<see cref="SituationsOptions.SeedDemoHistory"/>
/// with <see cref="DirectoryOptions.SeedDemo"/>; Development only): about a dozen a month from the cell and the partners,
/// mostly informative, to two to four demo organisations, each card sent to their contacts, most answered in time, a few
/// escalated. Drawn from a fixed random seed (the same day gives the same figures). Runs once, on an empty alert store,
/// in one transaction with its single audit entry. Everything is in the past: no card is queued, no escalation is due,
/// so no worker sends anything. The message is a fixed fictitious phrase (sealed like every alert message).
/// </summary>
internal sealed class DemoAlertsSeed(
    IOptions<SituationsOptions> situations, IOptions<DirectoryOptions> directory, WorkingCalendar calendar, AuditLog audit, TimeProvider time,
    ILogger<DemoAlertsSeed> logger) : IDatabaseStartupTask
{
    public const int RandomSeed = 2019;
    public const string Purpose = "demo alerts seeded";
    public const string Message = "Message fictif (données de démonstration).";

    private static readonly string[] Organisations = ["school", "cpas", "youth", "association", "police"];

    public async Task RunAsync(AppDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        if (!situations.Value.SeedDemoHistory || !directory.Value.SeedDemo)
        {
            return;
        }

        var organisations = await db.Set<Organisation>().AsNoTracking().ToDictionaryAsync(o => o.Key, o => o.Id, cancellationToken);
        var people = await db.Set<Person>().AsNoTracking().Include(p => p.Roles).OrderBy(p => p.EntraObjectId).ToListAsync(cancellationToken);
        var referent = people.FirstOrDefault(p => p.Roles.Any(r => r.Role == DirectoryRole.Referent));
        if (referent is null || Organisations.Any(o => !organisations.ContainsKey(o)) || await db.Set<Alert>().AnyAsync(cancellationToken))
        {
            AlertLog.DemoAlertsSkipped(logger);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var contacts = Organisations.ToDictionary(o => organisations[o], o => people.Where(p => p.OrganisationId == organisations[o]).Select(p => p.Id).ToList());
        var count = Generate(db, time.GetUtcNow(), referent, contacts);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditRecord.SystemActor, null, AuditAction.System, TargetType: "Alert", Purpose: Purpose), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        AlertLog.DemoAlertsSeeded(logger, count);
    }

    private int Generate(AppDbContext db, DateTimeOffset now, Person referent, Dictionary<Guid, List<Guid>> contacts)
    {
        var random = new Random(RandomSeed);
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var references = new HashSet<string>(StringComparer.Ordinal);
        var organisationIds = contacts.Keys.Order().ToList();
        var count = 0;
        for (var daysBack = 365; daysBack >= 2; daysBack--)
        {
            // About twelve alerts a month: on a working day, one with a probability of 0.55.
            var created = day.AddDays(-daysBack).AddHours(7 + random.Next(0, 9)).AddMinutes(random.Next(0, 60));
            if (!calendar.IsWorkingDay(DateOnly.FromDateTime(calendar.ToLocal(created).DateTime)) || random.NextDouble() >= 0.55)
            {
                continue;
            }

            var roll = random.NextDouble();
            var severity = roll < 0.6 ? AlertSeverity.Info : roll < 0.9 ? AlertSeverity.Elevated : AlertSeverity.Urgent;
            var fromCell = random.NextDouble() < 0.7;
            var senderOrganisation = fromCell ? referent.OrganisationId : organisationIds[random.Next(organisationIds.Count)];
            var sender = fromCell ? referent.Id : contacts[senderOrganisation].FirstOrDefault(referent.Id);
            var alert = new Alert
            {
                Id = Guid.NewGuid(),
                Reference = NewReference(random, references),
                SenderPersonId = sender,
                SenderOrganisationId = fromCell || sender == referent.Id ? referent.OrganisationId : senderOrganisation,
                Severity = severity,
                Category = (AlertCategory)random.Next(0, 4),
                Message = Message,
                CreatedAt = created,
                Deadline = calendar.Deadline(severity, created),
            };
            db.Add(alert);
            count++;
            foreach (var organisationId in organisationIds.Where(o => o != alert.SenderOrganisationId).OrderBy(_ => random.Next()).Take(2 + random.Next(0, 3)))
            {
                AddRecipient(db, random, alert, organisationId, contacts[organisationId]);
            }
        }

        return count;
    }

    /// <summary>An organisation asked to answer, its contacts' cards sent a minute later; most answer in time, some after an escalation.</summary>
    private static void AddRecipient(AppDbContext db, Random random, Alert alert, Guid organisationId, List<Guid> contacts)
    {
        var recipient = new AlertRecipient
        {
            Id = Guid.NewGuid(),
            AlertId = alert.Id,
            Kind = AlertRecipientKind.Organisation,
            OrganisationId = organisationId,
            ChosenAs = AlertAudienceSource.Organisation,
        };
        var sent = alert.CreatedAt.AddMinutes(1);
        var roll = random.NextDouble();
        if (contacts.Count > 0 && roll < 0.93)
        {
            var late = roll >= 0.82;
            var window = alert.Deadline - sent;
            recipient.AnsweredAt = late ? alert.Deadline.AddHours(1 + random.Next(0, 20)) : sent + (window * random.NextDouble() * 0.9);
            recipient.AnsweredByPersonId = contacts[random.Next(contacts.Count)];
            var answer = random.NextDouble();
            recipient.Answer = answer < 0.8 ? AlertAnswer.Acknowledged : answer < 0.9 ? AlertAnswer.NeedMoreInformation : AlertAnswer.NotConcerned;
            recipient.EscalationLevel = late ? 1 : 0;
        }
        else
        {
            recipient.EscalationLevel = 2;
        }

        db.Add(recipient);
        foreach (var person in contacts)
        {
            db.Add(new AlertDelivery
            {
                Id = Guid.NewGuid(),
                AlertId = alert.Id,
                RecipientId = recipient.Id,
                PersonId = person,
                Reason = AlertAudienceSource.Organisation,
                Status = AlertDeliveryStatus.Sent,
                Attempts = 1,
                NextAttemptAt = sent,
                CreatedAt = alert.CreatedAt,
                SentAt = sent,
                SendCount = 1,
                CardVersion = 1,
            });
        }
    }

    private static string NewReference(Random random, HashSet<string> taken)
    {
        while (true)
        {
            var chars = new char[6];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = AlertService.ReferenceAlphabet[random.Next(AlertService.ReferenceAlphabet.Length)];
            }

            var reference = $"AL-{new string(chars)}";
            if (taken.Add(reference))
            {
                return reference;
            }
        }
    }
}
