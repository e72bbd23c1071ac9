namespace TeamsPrevention.App.Graph;

/// <summary>An attendee's answer to an invitation.</summary>
public enum MeetingResponse
{
    None,
    Organizer,
    TentativelyAccepted,
    Accepted,
    Declined,
    NotResponded,
}
