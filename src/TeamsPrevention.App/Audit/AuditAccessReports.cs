using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Access reports for the DPO (requirement 14; GDPR art. 15 subject-access requests and inquiries): who read, changed,
/// exported, revealed or was refused what, and when — for one situation (by code) or one person (by Entra object id:
/// what they did, and changes to their directory record). Actors are object ids with their organisation's id, never names.
/// </summary>
public sealed class AuditAccessReports(AppDbContext db, TimeProvider time)
{
    /// <summary>The most entries a report lists one by one (the summary lines always cover every entry).</summary>
    public const int MaxEntries = 1000;

    public Task<AccessReport> ForSituationAsync(string code, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        BuildAsync("situation", code, db.Set<AuditEntry>().AsNoTracking().Where(e => e.SituationCode == code), from, to, cancellationToken);

    public async Task<AccessReport> ForPersonAsync(Guid objectId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var actor = objectId.ToString();
        var personId = await db.Set<Person>().AsNoTracking()
            .Where(p => p.EntraObjectId == objectId)
            .Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var record = personId?.ToString();
        var entries = db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Actor == actor || (record != null && e.TargetType == "Person" && e.TargetId == record));
        return await BuildAsync("person", actor, entries, from, to, cancellationToken);
    }

    private async Task<AccessReport> BuildAsync(
        string subject, string value, IQueryable<AuditEntry> entries, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        if (from is { } start)
        {
            var utc = start.ToUniversalTime();
            entries = entries.Where(e => e.OccurredAt >= utc);
        }

        if (to is { } end)
        {
            var utc = end.ToUniversalTime();
            entries = entries.Where(e => e.OccurredAt < utc);
        }

        var all = await entries.OrderByDescending(e => e.Sequence).ToListAsync(cancellationToken);
        var actors = all.Select(e => e.Actor).Distinct(StringComparer.Ordinal)
            .Select(a => Guid.TryParse(a, out var oid) ? oid : (Guid?)null)
            .OfType<Guid>()
            .ToList();
        var organisations = await db.Set<Person>().AsNoTracking()
            .Where(p => actors.Contains(p.EntraObjectId))
            .Select(p => new { p.EntraObjectId, p.OrganisationId })
            .ToListAsync(cancellationToken);
        var organisationOf = organisations.ToDictionary(p => p.EntraObjectId.ToString(), p => p.OrganisationId, StringComparer.Ordinal);

        var lines = all
            .GroupBy(e => (e.Actor, e.ActorRole, e.Action, e.Outcome, e.SituationCode, e.TargetType))
            .Select(g => new AccessReportLine(
                g.Key.Actor,
                organisationOf.TryGetValue(g.Key.Actor, out var organisation) ? organisation : null,
                g.Key.ActorRole,
                g.Key.Action,
                g.Key.Outcome,
                g.Key.SituationCode,
                g.Key.TargetType,
                g.Count(),
                g.Min(e => e.OccurredAt),
                g.Max(e => e.OccurredAt)))
            .OrderByDescending(l => l.LastAt)
            .ThenBy(l => l.Actor, StringComparer.Ordinal)
            .ToList();

        return new AccessReport(subject, value, from, to, time.GetUtcNow(), all.Count, lines, [.. all.Take(MaxEntries)], all.Count > MaxEntries);
    }
}
