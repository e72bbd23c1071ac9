namespace TeamsPrevention.App.Sealing;

/// <summary>Sealing log events: ids 3500–3549. Key ids, table names, row ids and counts only: never a key, never a value.</summary>
internal static partial class SealingLog
{
    [LoggerMessage(3500, LogLevel.Information, "Sealing: {Rows} rows to seal under key {KeyId} ({ByKey})")]
    public static partial void Starting(ILogger logger, int rows, string keyId, string byKey);

    [LoggerMessage(3501, LogLevel.Information, "Sealing: {Source}: {Resealed} rows sealed under key {KeyId} ({Raced} written meanwhile by others)")]
    public static partial void Resealed(ILogger logger, string source, int resealed, string keyId, int raced);

    [LoggerMessage(3502, LogLevel.Information, "Sealing: every row is sealed under key {KeyId}; keys sealing no row, which may be removed from the ring: {Removable}")]
    public static partial void Done(ILogger logger, string keyId, string removable);

    [LoggerMessage(3503, LogLevel.Error, "Sealing: {Source} row {Row} does not open: altered, moved or under a key no longer in the ring")]
    public static partial void Unreadable(ILogger logger, string source, Guid row);

    [LoggerMessage(3504, LogLevel.Warning, "Sealing pass failed ({Error}); it resumes at the next pass")]
    public static partial void PassFailed(ILogger logger, string error);

    [LoggerMessage(3505, LogLevel.Error, "Sealed value of {Where} refused: {Reason}")]
    public static partial void Refused(ILogger logger, string where, string reason);

    [LoggerMessage(3506, LogLevel.Information, "Sealing: {Rows} rows left under older keys or plain; {Unreadable} do not open")]
    public static partial void Left(ILogger logger, int rows, int unreadable);
}
