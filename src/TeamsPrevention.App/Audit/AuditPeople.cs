using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Names the people an audit page or report mentions, for the DPO who asks for them (<c>names=true</c>): actors (by
/// Entra object id) and directory records that were the target (<c>TargetType=Person</c>, by directory id). The log
/// itself keeps pseudonymous ids; turning them into names is a read of those people's directory records, so each person
/// named is audited (<c>View</c>, <c>TargetType=Person</c>, their directory id) before the names are answered — their
/// own access report then shows that the DPO looked them up.
/// </summary>
public sealed class AuditPeople(AppDbContext db, AuditLog audit)
{
    public const string Purpose = "name shown in audit review";

    public async Task<IReadOnlyList<AuditPersonName>> ResolveAsync(
        string dpo, IEnumerable<(string Actor, string? TargetType, string? TargetId)> mentions, CancellationToken cancellationToken)
    {
        var oids = new HashSet<Guid>();
        var records = new HashSet<Guid>();
        foreach (var (actor, targetType, targetId) in mentions)
        {
            if (Guid.TryParse(actor, out var oid))
            {
                oids.Add(oid);
            }

            if (targetType == "Person" && Guid.TryParse(targetId, out var record))
            {
                records.Add(record);
            }
        }

        if (oids.Count == 0 && records.Count == 0)
        {
            return [];
        }

        var people = await db.Set<Person>().AsNoTracking()
            .Where(p => oids.Contains(p.EntraObjectId) || records.Contains(p.Id))
            .Select(p => new { p.Id, p.EntraObjectId, p.DisplayName, p.OrganisationId, Organisation = p.Organisation!.Name })
            .OrderBy(p => p.DisplayName)
            .ToListAsync(cancellationToken);
        if (people.Count == 0)
        {
            return [];
        }

        await audit.RecordManyAsync(
            [.. people.Select(p => new AuditRecord(dpo, nameof(DirectoryRole.Dpo), AuditAction.View, null, "Person", p.Id.ToString(), Purpose))],
            cancellationToken);
        return [.. people.Select(p => new AuditPersonName(p.EntraObjectId, p.Id, p.DisplayName, p.OrganisationId, p.Organisation))];
    }
}

/// <summary>
/// A person named in an audit answer: an entry's <c>actor</c> is their <paramref name="ObjectId"/>, a <c>Person</c>
/// target's <c>targetId</c> their <paramref name="PersonId"/>.
/// </summary>
public sealed record AuditPersonName(Guid ObjectId, Guid PersonId, string DisplayName, Guid OrganisationId, string OrganisationName);
