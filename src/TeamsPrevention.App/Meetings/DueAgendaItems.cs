using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Situations;

namespace TeamsPrevention.App.Meetings;

/// <summary>
/// The reviews that fall due before a case meeting, for situations whose need-to-know lists name one of its active
/// attendees, and not yet on its agenda: put on it when the meeting is scheduled or moved, and proposed again later
/// (<see cref="AgendaProposals"/>) when reviews have fallen due since.
/// </summary>
public sealed class DueAgendaItems(AppDbContext db, DueReviews dueReviews, DirectoryService directory)
{
    /// <summary>Puts on a case meeting (tracked, not yet saved) the reviews due before it for its attendees.</summary>
    public async Task<IReadOnlyList<MeetingItem>> AddAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var added = new List<MeetingItem>();
        foreach (var review in await NotOnAgendaAsync(meeting, cancellationToken))
        {
            var item = MeetingItem.PutOn(meeting, review.SituationId, review.Code, MeetingItemSource.ReviewDue);
            db.Add(item);
            added.Add(item);
        }

        return added;
    }

    public async Task<List<DueReview>> NotOnAgendaAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var attendees = new List<Guid>();
        foreach (var attendee in meeting.Attendees)
        {
            if (await directory.GetPersonAsync(attendee.PersonId, cancellationToken) is { Active: true })
            {
                attendees.Add(attendee.PersonId);
            }
        }

        var due = await dueReviews.ForPeopleAsync(meeting.StartAt, attendees, cancellationToken);
        return [.. due.Where(r => meeting.Items.All(i => i.SituationId != r.SituationId))];
    }
}
