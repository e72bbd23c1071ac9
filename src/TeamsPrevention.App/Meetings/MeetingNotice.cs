namespace TeamsPrevention.App.Meetings;

/// <summary>
/// One reminder card to one attendee, or one agenda card to the cell's channel, for one occurrence of a meeting: the
/// durable "sent once" marker. The unique key (meeting, kind, person, occurrence) makes the first instance that inserts
/// it the only one to send it; <see cref="LeaseUntil"/> lets another instance take over a crashed send, and doubles as
/// the not-before time of a postponed one.
/// </summary>
public sealed class MeetingNotice
{
    public const int MaxFailureLength = 64;

    public Guid Id { get; init; }

    public Guid MeetingId { get; init; }

    public MeetingNoticeKind Kind { get; init; }

    /// <summary>The attendee; <see cref="Guid.Empty"/> for the channel's agenda card (never null: unique keys treat nulls as distinct).</summary>
    public Guid PersonId { get; init; }

    public DateTimeOffset OccurrenceStart { get; init; }

    public MeetingNoticeStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary><c>NoConversation</c>, <c>UnknownPerson</c>, <c>NoChannel</c> or the connector's failure kind.</summary>
    public string? Failure { get; set; }
}
