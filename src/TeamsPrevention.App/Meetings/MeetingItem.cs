namespace TeamsPrevention.App.Meetings;

/// <summary>
/// One agenda item of a case meeting: a situation, known by its code. Attendance is recorded per item, and the
/// decision minutes (not verbatim notes) are visible only to those present.
/// </summary>
public sealed class MeetingItem
{
    public const int MaxDecisionLength = 4000;

    /// <summary>
    /// A new item for <paramref name="meeting"/>, put in its list. The caller also adds it to the context explicitly:
    /// an entity with its key already set, found through a navigation, would be taken for an existing row.
    /// </summary>
    public static MeetingItem PutOn(Meeting meeting, Guid situationId, string code, MeetingItemSource source, Guid? addedBy = null)
    {
        var item = new MeetingItem { Id = Guid.NewGuid(), MeetingId = meeting.Id, SituationId = situationId, SituationCode = code, Source = source, AddedBy = addedBy };
        meeting.Items.Add(item);
        return item;
    }

    public Guid Id { get; init; }

    public Guid MeetingId { get; init; }

    public Guid SituationId { get; init; }

    public required string SituationCode { get; init; }

    /// <summary>Review due before the meeting, or added by a referent.</summary>
    public MeetingItemSource Source { get; init; }

    public Guid? AddedBy { get; init; }

    /// <summary>Directory ids of the attendees present for this item.</summary>
    public List<Guid> PresentPersonIds { get; set; } = [];

    public string? Decision { get; set; }

    public bool? Consensus { get; set; }

    public DateTimeOffset? NextReviewAt { get; set; }

    /// <summary>The situation actions these minutes created.</summary>
    public List<Guid> ActionIds { get; set; } = [];

    public Guid? MinutesBy { get; set; }

    public DateTimeOffset? MinutesAt { get; set; }
}
