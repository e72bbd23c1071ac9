using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Data;

/// <summary>Which database the App uses. Bound from the <c>Data</c> section; connection strings from <c>ConnectionStrings</c>.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> (a file created on first run) or <see cref="DatabaseProvider.Postgres"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite: how long a writer waits for another writer before failing (PRAGMA busy_timeout).</summary>
    [Range(0, 600_000)]
    public int SqliteBusyTimeoutMilliseconds { get; set; } = 30_000;

    /// <summary>When the first migration attempt fails (database down), how long to wait before the next one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MigrationRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
