namespace TeamsPrevention.App.Data;

/// <summary>Data log events: ids 1100–1199. Never a connection string, never a row.</summary>
internal static partial class DataLog
{
    [LoggerMessage(1100, LogLevel.Information, "Database ready ({Provider}); {Count} migration(s) applied")]
    public static partial void Migrated(ILogger logger, DatabaseProvider provider, int count);

    [LoggerMessage(1101, LogLevel.Error, "Database not ready ({Provider}, attempt {Attempt}): {ErrorType}; retrying in {Delay}")]
    public static partial void MigrationFailed(ILogger logger, DatabaseProvider provider, int attempt, string errorType, TimeSpan delay);

    [LoggerMessage(1102, LogLevel.Debug, "Waiting for the PostgreSQL migration lock held by another instance")]
    public static partial void WaitingForMigrationLock(ILogger logger);

    [LoggerMessage(1103, LogLevel.Debug, "Start-up task {Task} done")]
    public static partial void StartupTaskDone(ILogger logger, string task);
}
