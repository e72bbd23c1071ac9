namespace TeamsPrevention.App.Audit;

/// <summary>Audit log events: ids 1200–1299. Sequence numbers, kinds and key ids only, never actors, targets or keys.</summary>
internal static partial class AuditLogEvents
{
    [LoggerMessage(1200, LogLevel.Debug, "Audit entry {Sequence} appended ({Action}, joined caller's transaction: {Joined})")]
    public static partial void Appended(ILogger logger, long sequence, AuditAction action, bool joined);

    [LoggerMessage(1201, LogLevel.Information, "Audit log guard triggers ensured ({Provider})")]
    public static partial void GuardEnsured(ILogger logger, Data.DatabaseProvider provider);

    [LoggerMessage(1202, LogLevel.Information, "Audit chain verified: intact, {Count} entries")]
    public static partial void Verified(ILogger logger, long count);

    [LoggerMessage(1203, LogLevel.Critical, "Audit chain broken at sequence {Sequence}: {Kind}")]
    public static partial void Broken(ILogger logger, long sequence, AuditBreakKind kind);

    [LoggerMessage(1204, LogLevel.Information, "Audit checkpoint written at sequence {Sequence} (key {KeyId})")]
    public static partial void CheckpointWritten(ILogger logger, long sequence, string keyId);

    [LoggerMessage(1205, LogLevel.Critical, "Audit checkpoint refused: the chain since the latest checkpoint breaks at sequence {Sequence} ({Kind})")]
    public static partial void CheckpointRefused(ILogger logger, long sequence, AuditBreakKind kind);

    [LoggerMessage(1206, LogLevel.Warning, "Audit checkpoint failed ({Error}); next attempt at the next interval")]
    public static partial void CheckpointFailed(ILogger logger, string error);

    [LoggerMessage(1207, LogLevel.Error, "Audit log guard missing or altered: {Triggers}; not ready until the next start restores it")]
    public static partial void GuardMissing(ILogger logger, string triggers);
}
