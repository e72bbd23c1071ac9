using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Lets an alert be addressed to a situation's need-to-know list: only by someone who sees the situation's content
/// (on the list, or the Chair), and only to the people whose access is valid now. A refusal is audited as Denied (the
/// code when it is one, never the text asked for).
/// </summary>
internal sealed class SituationNeedToKnowLists(AppDbContext db, DirectoryService directory, AuditLog audit, TimeProvider time) : INeedToKnowLists
{
    public async Task<IReadOnlyList<Guid>?> GetPeopleAsync(string situationCode, Guid requestedBy, CancellationToken cancellationToken)
    {
        var code = SituationCodes.Normalise(situationCode);
        var requester = await directory.GetPersonAsync(requestedBy, cancellationToken);
        if (code is null || requester is null)
        {
            return null;
        }

        var situation = await db.Set<Situation>().AsNoTracking().Include(s => s.NeedToKnow)
            .FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        var now = time.GetUtcNow();
        if (situation is null || SituationRules.AccessOf(situation, requester, now) != AccessLevel.Content)
        {
            await audit.RecordAsync(
                new AuditRecord(requester.EntraObjectId.ToString(), requester.Roles.Count == 0 ? null : string.Join(",", requester.Roles), AuditAction.Denied, code,
                    "Situation", null, "alert to the need-to-know list refused", AuditOutcome.Denied),
                cancellationToken);
            return null;
        }

        return [.. situation.NeedToKnow.Where(e => e.IsValidAt(now)).Select(e => e.PersonId).Distinct()];
    }

    public async Task<IReadOnlySet<string>> VisibleAsync(IReadOnlyCollection<string> situationCodes, DirectoryPerson person, CancellationToken cancellationToken)
    {
        var asked = situationCodes.Select(c => (Given: c, Code: SituationCodes.Normalise(c))).Where(c => c.Code is not null).ToList();
        var codes = asked.Select(c => c.Code!).Distinct().ToList();
        if (codes.Count == 0)
        {
            return new HashSet<string>();
        }

        var now = time.GetUtcNow();
        var situations = await db.Set<Situation>().AsNoTracking().Include(s => s.NeedToKnow)
            .Where(s => codes.Contains(s.Code))
            .ToListAsync(cancellationToken);
        var visible = situations.Where(s => SituationRules.AccessOf(s, person, now) == AccessLevel.Content).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        return asked.Where(c => visible.Contains(c.Code!)).Select(c => c.Given).ToHashSet(StringComparer.Ordinal);
    }
}
