using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TeamsPrevention.App.Data;

/// <summary>
/// Sets the per-connection SQLite pragmas: foreign keys enforced, a busy timeout so that writers from several
/// connections (or processes) wait for each other instead of failing at once, and secure delete (what a row held
/// before it was changed or deleted — plain text sealed since, a purged situation — is overwritten in the file, not
/// left in free space). Pragmas belong to the native
/// connection, which Microsoft.Data.Sqlite pools: they are set the first time a native connection is seen, not on every
/// logical open (every EF query opens and closes one; the pragmas were one statement more per query).
/// WAL mode is persistent in the file and set once by <see cref="DatabaseMigrator"/>.
/// </summary>
internal sealed class SqliteConnectionSetup(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsConfigured(connection))
        {
            using var command = CreatePragmas(connection);
            command.ExecuteNonQuery();
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured(connection))
        {
            await using var command = CreatePragmas(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection);
        }
    }

    /// <summary>Whether this native connection already has its pragmas (a pooled connection is used by one caller at a time).</summary>
    private bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _);

    /// <summary>Remembers the native connection once its pragmas are set (forgotten when it is collected).</summary>
    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _configured.AddOrUpdate(handle, handle);
        }
    }

    private DbCommand CreatePragmas(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA secure_delete = ON;";
        return command;
    }
}
