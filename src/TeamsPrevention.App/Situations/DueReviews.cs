using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Situations;

/// <summary>A situation whose review falls due, with who is on its need-to-know list (ids only, no content).</summary>
public sealed record DueReview(Guid SituationId, string Code, DateTimeOffset DueAt, IReadOnlySet<Guid> ListedPersonIds);

/// <summary>
/// What other features may learn of the situations' review dates: the included situations whose next review falls
/// due by a date and whose need-to-know list names at least one of the given people (the Chair, who sees every
/// situation, is not a reason to propose one — only an explicit, valid entry on the list).
/// </summary>
public sealed class DueReviews(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<DueReview>> ForPeopleAsync(DateTimeOffset dueBy, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken)
    {
        if (personIds.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var due = await db.Set<Situation>().AsNoTracking().Include(s => s.NeedToKnow)
            .Where(s => s.Status == SituationStatus.Included && s.NextReviewAt != null)
            .ToListAsync(cancellationToken);
        return
        [
            .. due
                .Where(s => s.NextReviewAt <= dueBy)
                .Select(s => new DueReview(s.Id, s.Code, s.NextReviewAt!.Value,
                    s.NeedToKnow.Where(n => n.IsValidAt(now)).Select(n => n.PersonId).ToHashSet()))
                .Where(r => r.ListedPersonIds.Overlaps(personIds))
                .OrderBy(r => r.DueAt),
        ];
    }
}
