namespace TeamsPrevention.App.Graph;

/// <summary>A calendar event with its Teams meeting (<see cref="JoinUrl"/>).</summary>
public sealed record CalendarMeeting(
    CalendarOwner Owner,
    string EventId,
    string Subject,
    string? JoinUrl,
    bool IsRecurring,
    bool IsCancelled,
    IReadOnlyList<AttendeeResponse> Attendees);
