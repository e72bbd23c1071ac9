namespace TeamsPrevention.App.Meetings;

/// <summary>A person invited to a meeting (directory id), and their secrecy acknowledgement for it.</summary>
public sealed class MeetingAttendee
{
    public Guid MeetingId { get; init; }

    public Guid PersonId { get; init; }

    public DateTimeOffset? SecrecyAcknowledgedAt { get; set; }
}
