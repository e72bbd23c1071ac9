using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Alerts;

/// <summary>Reads the <see cref="AlertEscalationNote"/> of the card a person received as an escalation's target.</summary>
public sealed class AlertEscalationNotes(AppDbContext db, DirectoryService directory)
{
    /// <summary>
    /// The note for <paramref name="personId"/>'s card of the alert; null unless their card came to them by escalation
    /// (someone who already had the alert keeps the card they had).
    /// </summary>
    public async Task<AlertEscalationNote?> ForAsync(Guid alertId, Guid personId, CancellationToken cancellationToken)
    {
        if (!await db.Set<AlertDelivery>().AsNoTracking()
                .AnyAsync(d => d.AlertId == alertId && d.PersonId == personId && d.Reason == AlertAudienceSource.Escalation, cancellationToken))
        {
            return null;
        }

        var steps = await db.Set<AlertEscalation>().AsNoTracking()
            .Where(e => e.AlertId == alertId && e.ToPersonId == personId)
            .Select(e => new { e.RecipientId, e.Level })
            .ToListAsync(cancellationToken);
        if (steps.Count == 0)
        {
            return null;
        }

        var ids = steps.Select(s => s.RecipientId).Distinct().ToList();
        var recipients = await db.Set<AlertRecipient>().AsNoTracking()
            .Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Kind, r.PersonId, r.OrganisationId })
            .ToListAsync(cancellationToken);
        var sentAt = await db.Set<Alert>().AsNoTracking().Where(a => a.Id == alertId).Select(a => a.CreatedAt).FirstAsync(cancellationToken);

        // A person first addressed is named by their organisation, as the cards name whoever answered.
        var names = new SortedSet<string>(StringComparer.CurrentCulture);
        foreach (var recipient in recipients)
        {
            var organisationId = recipient.Kind == AlertRecipientKind.Organisation
                ? recipient.OrganisationId
                : (await directory.GetPersonAsync(recipient.PersonId!.Value, cancellationToken))?.OrganisationId;
            if (organisationId is { } id && await directory.GetOrganisationAsync(id, cancellationToken) is { } organisation)
            {
                names.Add(organisation.Name);
            }
        }

        return new AlertEscalationNote(steps.Max(s => s.Level), [.. names], sentAt);
    }
}
