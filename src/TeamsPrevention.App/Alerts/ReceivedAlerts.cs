using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// The alerts addressed to a person — pending and answered — newest first and capped: addressed to them, to their
/// organisation, or escalated to them. Nothing about alerts they did not receive.
/// </summary>
public sealed class ReceivedAlerts(AppDbContext db, DirectoryService directory)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public async Task<IReadOnlyList<ReceivedAlert>> ListAsync(DirectoryPerson person, int limit, CancellationToken cancellationToken)
    {
        var escalated = await db.Set<AlertEscalation>().AsNoTracking()
            .Where(e => e.ToPersonId == person.Id)
            .Select(e => e.RecipientId)
            .ToListAsync(cancellationToken);
        var mine = db.Set<AlertRecipient>().AsNoTracking()
            .Where(r => (r.Kind == AlertRecipientKind.Person && r.PersonId == person.Id)
                || (r.Kind == AlertRecipientKind.Organisation && r.OrganisationId == person.OrganisationId)
                || escalated.Contains(r.Id));
        var alerts = await db.Set<Alert>().AsNoTracking()
            .Where(a => mine.Any(r => r.AlertId == a.Id))
            .OrderByDescending(a => a.CreatedAt)
            .Take(Math.Clamp(limit, 1, MaxLimit))
            .ToListAsync(cancellationToken);
        if (alerts.Count == 0)
        {
            return [];
        }

        var alertIds = alerts.Select(a => a.Id).ToList();
        var recipients = await mine.Where(r => alertIds.Contains(r.AlertId)).ToListAsync(cancellationToken);
        var answererIds = recipients.Where(r => r.AnsweredByPersonId is not null).Select(r => r.AnsweredByPersonId!.Value).Distinct().ToList();
        var answerers = await db.Set<Person>().AsNoTracking()
            .Where(p => answererIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DisplayName, p.OrganisationId })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var organisations = (await directory.GetOrganisationsAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Name);
        string? OrganisationName(Guid? id) => id is { } v && organisations.TryGetValue(v, out var name) ? name : null;

        var list = new List<ReceivedAlert>(alerts.Count);
        foreach (var alert in alerts)
        {
            var own = recipients.Where(r => r.AlertId == alert.Id).ToList();
            var role = own.Any(r => r.Kind == AlertRecipientKind.Person && r.PersonId == person.Id) ? ReceivedAlertRole.Me
                : own.Any(r => r.Kind == AlertRecipientKind.Organisation && r.OrganisationId == person.OrganisationId) ? ReceivedAlertRole.MyOrganisation
                : ReceivedAlertRole.Escalated;
            var answered = own.Where(r => r.Answer is not null).OrderBy(r => r.AnsweredAt).FirstOrDefault();
            var state = alert.WithdrawnAt is not null ? ReceivedAlertState.Withdrawn
                : own.Any(r => r.Answer is null) ? ReceivedAlertState.Pending
                : ReceivedAlertState.Answered;
            var answerer = answered?.AnsweredByPersonId is { } answererId && answerers.TryGetValue(answererId, out var found) ? found : null;
            var byMe = answerer is not null && answerer.Id == person.Id;
            // Need-to-know: a name only for the person themselves or a colleague of their organisation.
            var name = answerer is not null && (byMe || answerer.OrganisationId == person.OrganisationId) ? answerer.DisplayName : null;
            list.Add(new ReceivedAlert(
                alert.Id, alert.Reference, alert.Severity, alert.Category, alert.SituationCode,
                OrganisationName(alert.SenderOrganisationId) ?? "—", alert.CreatedAt, alert.Deadline, alert.WithdrawnAt,
                state, role, answered?.Answer, answered?.AnsweredAt, name, OrganisationName(answerer?.OrganisationId), byMe));
        }

        return list;
    }
}
