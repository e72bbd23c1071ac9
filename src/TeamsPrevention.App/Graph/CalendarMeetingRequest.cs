namespace TeamsPrevention.App.Graph;

/// <summary>A calendar event with a Teams meeting, as the product asks for it. Times are instants; the gateway writes them in Brussels time.</summary>
public sealed record CalendarMeetingRequest(
    string Subject,
    string BodyHtml,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<string> AttendeeAddresses,
    MeetingRecurrence? Recurrence = null,
    string? Location = null);
