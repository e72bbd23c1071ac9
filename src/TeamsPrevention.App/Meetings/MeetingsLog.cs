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

    [LoggerMessage(3120, LogLevel.Information, "Meeting {MeetingId}: {Kind} card sent")]
    public static partial void NoticeSent(ILogger logger, Guid meetingId, MeetingNoticeKind kind);

    [LoggerMessage(3121, LogLevel.Warning, "Meeting {MeetingId}: {Kind} card postponed ({Reason}, attempt {Attempt})")]
    public static partial void NoticePostponed(ILogger logger, Guid meetingId, MeetingNoticeKind kind, string reason, int attempt);

    [LoggerMessage(3122, LogLevel.Warning, "Meeting {MeetingId}: {Kind} card failed ({Reason})")]
    public static partial void NoticeFailed(ILogger logger, Guid meetingId, MeetingNoticeKind kind, string reason);

    [LoggerMessage(3130, LogLevel.Error, "Meetings background pass failed ({ErrorType})")]
    public static partial void PassFailed(ILogger logger, string errorType);

    [LoggerMessage(3140, LogLevel.Information, "Meeting {MeetingId}: police feedback saved for item {ItemId}")]
    public static partial void FeedbackSaved(ILogger logger, Guid meetingId, Guid itemId);

    [LoggerMessage(3141, LogLevel.Information, "Meeting {MeetingId}: minutes exported ({Items} items)")]
    public static partial void MinutesExported(ILogger logger, Guid meetingId, int items);

    [LoggerMessage(3104, LogLevel.Information, "Attendance of meeting {MeetingId} refused: {Entries} entries may not be present")]
    public static partial void AttendanceRefused(ILogger logger, Guid meetingId, int entries);
}
