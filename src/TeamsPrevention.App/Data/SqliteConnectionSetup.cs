using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TeamsPrevention.App.Data;

/// <summary>
/// Sets the per-connection SQLite pragmas on every open: foreign keys enforced and a busy timeout so that
/// writers from several connections (or processes) wait for each other instead of failing at once.
/// WAL mode is persistent in the file and set once by <see cref="DatabaseMigrator"/>.
/// </summary>
internal sealed class SqliteConnectionSetup(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreatePragmas(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreatePragmas(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand CreatePragmas(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {busyTimeoutMilliseconds};";
        return command;
    }
}
