using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Meetings;

/// <summary>
/// The meetings a person was invited to (kind, dates, their secrecy commitment for it), for the DPO's subject-access
/// export; never the agenda's situations nor the minutes (the consultation's, under shared professional secrecy).
/// </summary>
public sealed class MeetingPersonRecords(AppDbContext db)
{
    public async Task<IReadOnlyList<PersonMeetingRecord>> ForPersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<MeetingAttendee>().AsNoTracking()
            .Where(a => a.PersonId == personId)
            .Join(db.Set<Meeting>(), a => a.MeetingId, m => m.Id, (a, m) => new { m.Id, m.Kind, m.Status, m.StartAt, m.EndAt, a.SecrecyAcknowledgedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.StartAt).Select(r => new PersonMeetingRecord(r.Id, r.Kind, r.Status, r.StartAt, r.EndAt, r.SecrecyAcknowledgedAt))];
    }
}

public sealed record PersonMeetingRecord(Guid MeetingId, MeetingKind Kind, MeetingStatus Status, DateTimeOffset StartAt, DateTimeOffset EndAt, DateTimeOffset? SecrecyAcknowledgedAt);
