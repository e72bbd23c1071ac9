namespace TeamsPrevention.App.Audit;

/// <summary>Audit log events: ids 1200–1299. Sequence numbers and kinds only, never actors or targets.</summary>
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
}
