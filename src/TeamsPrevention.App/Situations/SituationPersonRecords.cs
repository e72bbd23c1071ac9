using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// What the situations hold about a directory person (a professional, not a case's subject), for the DPO's
/// subject-access export: the need-to-know lists they are on, the signals they recorded and the situations they follow
/// as referent — by code and date only, never case content (that is the subject's, under shared professional secrecy).
/// </summary>
public sealed class SituationPersonRecords(AppDbContext db)
{
    public async Task<SituationPersonRecord> ForPersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        var lists = await db.Set<NeedToKnowEntry>().AsNoTracking()
            .Where(n => n.PersonId == personId)
            .Join(db.Set<Situation>(), n => n.SituationId, s => s.Id, (n, s) => new { s.Code, n.GrantedAt, n.ExpiresAt, n.BreakGlass })
            .ToListAsync(cancellationToken);
        var involved = await db.Set<Situation>().AsNoTracking()
            .Where(s => s.ReportedBy == personId || s.ReferentId == personId || s.DecidedBy == personId)
            .Select(s => new { s.Code, s.CreatedAt, s.ReportedBy, s.ReferentId, s.DecidedBy, s.DecidedAt })
            .ToListAsync(cancellationToken);
        return new SituationPersonRecord(
            [.. lists.OrderBy(l => l.GrantedAt).Select(l => new PersonListEntry(l.Code, l.GrantedAt, l.ExpiresAt, l.BreakGlass))],
            [.. involved.Where(s => s.ReportedBy == personId).OrderBy(s => s.CreatedAt).Select(s => new PersonSituationRole(s.Code, s.CreatedAt))],
            [.. involved.Where(s => s.ReferentId == personId).OrderBy(s => s.CreatedAt).Select(s => new PersonSituationRole(s.Code, s.CreatedAt))],
            [.. involved.Where(s => s.DecidedBy == personId && s.DecidedAt != null).OrderBy(s => s.DecidedAt).Select(s => new PersonSituationRole(s.Code, s.DecidedAt!.Value))]);
    }
}

/// <summary>A directory person's part in the situations, by code only.</summary>
public sealed record SituationPersonRecord(
    IReadOnlyList<PersonListEntry> NeedToKnowLists,
    IReadOnlyList<PersonSituationRole> SignalsRecorded,
    IReadOnlyList<PersonSituationRole> FollowedAsReferent,
    IReadOnlyList<PersonSituationRole> Decided);

public sealed record PersonListEntry(string SituationCode, DateTimeOffset GrantedAt, DateTimeOffset? ExpiresAt, bool BreakGlass);

/// <summary>A situation the person had a part in, and when.</summary>
public sealed record PersonSituationRole(string SituationCode, DateTimeOffset At);
