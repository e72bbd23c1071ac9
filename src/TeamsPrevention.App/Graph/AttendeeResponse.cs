namespace TeamsPrevention.App.Graph;

/// <summary>An attendee of a meeting and their answer.</summary>
public sealed record AttendeeResponse(string Address, MeetingResponse Response, DateTimeOffset? RespondedAt);
