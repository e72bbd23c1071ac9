namespace TeamsPrevention.App.Meetings;

/// <summary>Meetings log events: ids 3100–3299. Meeting ids and kinds only; never names, codes or addresses.</summary>
internal static partial class MeetingsLog
{
    [LoggerMessage(3100, LogLevel.Information, "Meeting {MeetingId} ({Kind}) {Change}")]
    public static partial void Changed(ILogger logger, Guid meetingId, MeetingKind kind, string change);

    [LoggerMessage(3101, LogLevel.Information, "Meeting {MeetingId} written to the calendar")]
    public static partial void Synced(ILogger logger, Guid meetingId);

    [LoggerMessage(3102, LogLevel.Warning, "Meeting {MeetingId}: the Graph call failed ({Failure}, attempt {Attempt}); left to retry")]
    public static partial void SyncFailed(ILogger logger, Guid meetingId, Graph.GraphFailure failure, int attempt);

    [LoggerMessage(3103, LogLevel.Warning, "Meeting {MeetingId}: attendee responses unavailable ({Failure})")]
    public static partial void ResponsesUnavailable(ILogger logger, Guid meetingId, Graph.GraphFailure failure);

    [LoggerMessage(3110, LogLevel.Information, "Meeting {MeetingId}: minutes saved for item {ItemId}")]
    public static partial void MinutesSaved(ILogger logger, Guid meetingId, Guid itemId);
}
