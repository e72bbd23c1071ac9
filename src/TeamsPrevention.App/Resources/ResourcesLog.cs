namespace TeamsPrevention.App.Resources;

/// <summary>Resources log events: ids 3450–3499. Ids only, never titles or text.</summary>
internal static partial class ResourcesLog
{
    [LoggerMessage(3450, LogLevel.Information, "Resource {ResourceId} {Change}")]
    public static partial void Changed(ILogger logger, Guid resourceId, string change);

    [LoggerMessage(3451, LogLevel.Warning, "Resource {ResourceId}: change refused to a member of another organisation")]
    public static partial void Refused(ILogger logger, Guid resourceId);

    [LoggerMessage(3452, LogLevel.Information, "Demo resources seeded: {Count}")]
    public static partial void Seeded(ILogger logger, int count);

    [LoggerMessage(3453, LogLevel.Debug, "Demo resources not seeded: the library is not empty or the demo directory is missing")]
    public static partial void SeedSkipped(ILogger logger);
}
