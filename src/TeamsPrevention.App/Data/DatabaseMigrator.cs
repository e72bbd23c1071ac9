using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Data;

/// <summary>
/// Applies pending migrations, then every <see cref="IDatabaseStartupTask"/>, before the App takes traffic.
/// On PostgreSQL the whole start-up runs under a session advisory lock, so that several instances starting together
/// migrate one after the other (the later ones find nothing to do). On SQLite the file's own write lock serialises
/// writers; the file is switched to WAL once.
/// If the database cannot be reached, the App still starts (so <c>/health/live</c> answers and <c>/health/ready</c>
/// says Unhealthy) and keeps trying in the background.
/// </summary>
internal sealed class DatabaseMigrator(
    IServiceScopeFactory scopes,
    IOptions<DataOptions> options,
    DatabaseStatus status,
    TimeProvider time,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    /// <summary>The advisory lock key every instance takes while migrating ("TPMIGRAT" as ASCII).</summary>
    public const long PostgresMigrationLockKey = 0x54504D4947524154;

    // Not disposed: it holds no timer, and StopAsync may come after the container is disposed.
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retries;
    private int _attempt;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TryMigrateAsync(cancellationToken))
        {
            return;
        }

        _retries = RetryAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_retries is not null)
        {
            await Task.WhenAny(_retries, Task.Delay(Timeout.Infinite, cancellationToken));
        }
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        try
        {
            do
            {
                await Task.Delay(options.Value.MigrationRetryDelay, time, cancellationToken);
            }
            while (!await TryMigrateAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<bool> TryMigrateAsync(CancellationToken cancellationToken)
    {
        var provider = options.Value.Provider;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tasks = scope.ServiceProvider.GetServices<IDatabaseStartupTask>();
            var applied = await MigrateAsync(db, tasks, cancellationToken);
            status.MarkReady();
            DataLog.Migrated(logger, db.Provider, applied);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            status.MarkFailed(ex);
            DataLog.MigrationFailed(logger, provider, ++_attempt, ex.GetType().Name, options.Value.MigrationRetryDelay);
            return false;
        }
    }

    private async Task<int> MigrateAsync(AppDbContext db, IEnumerable<IDatabaseStartupTask> tasks, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteDirectory(db);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Provider == DatabaseProvider.Postgres)
            {
                DataLog.WaitingForMigrationLock(logger);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({PostgresMigrationLockKey})", cancellationToken);
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }

            try
            {
                // Npgsql's Migrate reads the history table before creating it and logs the failure as an error
                // (npgsql/efcore.pg#3407): create it first, under the lock.
                var history = db.GetService<IHistoryRepository>();
                if (db.Provider == DatabaseProvider.Postgres)
                {
                    await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
                }

                var before = await history.ExistsAsync(cancellationToken) ? (await history.GetAppliedMigrationsAsync(cancellationToken)).Count : 0;
                await db.Database.MigrateAsync(cancellationToken);
                var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Count - before;
                foreach (var task in tasks)
                {
                    await task.RunAsync(db, db.Provider, cancellationToken);
                    DataLog.StartupTaskDone(logger, task.GetType().Name);
                }

                return applied;
            }
            finally
            {
                if (db.Provider == DatabaseProvider.Postgres)
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({PostgresMigrationLockKey})", CancellationToken.None);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The SQLite file is created on first run; its directory too.</summary>
    private static void EnsureSqliteDirectory(AppDbContext db)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var directory = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(directory) && builder.DataSource != ":memory:")
        {
            System.IO.Directory.CreateDirectory(directory);
        }
    }
}
