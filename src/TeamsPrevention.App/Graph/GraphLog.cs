namespace TeamsPrevention.App.Graph;

/// <summary>Graph gateway log events: ids 2200–2399. Ids of teams, channels and operations only; never names or addresses.</summary>
internal static partial class GraphLog
{
    [LoggerMessage(2200, LogLevel.Warning, "Graph {Operation} failed: {Kind} (HTTP {Status}, code {GraphCode})")]
    public static partial void CallFailed(ILogger logger, string operation, GraphFailure kind, int? status, string? graphCode);

    [LoggerMessage(2201, LogLevel.Information, "Private channel {ChannelId} created in team {TeamId} with {MemberCount} members in the request")]
    public static partial void PrivateChannelCreated(ILogger logger, string channelId, string teamId, int memberCount);

    [LoggerMessage(2202, LogLevel.Information, "Shared channel creation {OperationId} in team {TeamId} accepted")]
    public static partial void SharedChannelAccepted(ILogger logger, string operationId, string teamId);

    [LoggerMessage(2203, LogLevel.Information, "Shared channel creation {OperationId} in team {TeamId} ended: {Status}")]
    public static partial void SharedChannelFinished(ILogger logger, string operationId, string teamId, string status);

    [LoggerMessage(2204, LogLevel.Information, "Graph batch of {Count} requests: {Failed} failed, {Throttled} throttled (attempt {Attempt})")]
    public static partial void BatchSent(ILogger logger, int count, int failed, int throttled, int attempt);

    [LoggerMessage(2205, LogLevel.Information, "Channel {ChannelId} in team {TeamId}: {Change}")]
    public static partial void ChannelChanged(ILogger logger, string channelId, string teamId, string change);

    [LoggerMessage(2206, LogLevel.Information, "Calendar event {EventId}: {Change}")]
    public static partial void MeetingChanged(ILogger logger, string eventId, string change);
}
