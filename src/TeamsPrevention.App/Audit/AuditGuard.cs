using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Makes the audit table append-only in the database itself: triggers refuse every UPDATE and DELETE (and TRUNCATE
/// on PostgreSQL), whatever the client, and on SQLite an INSERT onto an existing sequence number (<c>INSERT OR
/// REPLACE</c> deletes the old row without firing delete triggers; PostgreSQL's <c>ON CONFLICT DO UPDATE</c> fires the
/// update trigger). Created again at every start, idempotently, because migrations do not carry them: a dropped or
/// rewritten trigger comes back at the next start; until then <see cref="AuditGuardHealthCheck"/> fails readiness.
/// On PostgreSQL the triggers are enabled ALWAYS, so a session in replica mode still fires them.
/// </summary>
internal sealed class AuditGuard(ILogger<AuditGuard> logger) : IDatabaseStartupTask
{
    public const string GuardMessage = "the audit log is append-only";

    public const string SqliteUpdateTrigger = "tp_audit_no_update";
    public const string SqliteDeleteTrigger = "tp_audit_no_delete";
    public const string SqliteReplaceTrigger = "tp_audit_no_replace";
    public const string PostgresRowTrigger = "tp_audit_append_only";
    public const string PostgresTruncateTrigger = "tp_audit_no_truncate";
    public const string PostgresFunction = "tp_audit_append_only";

    /// <summary>The body of the PostgreSQL trigger function, as <c>pg_proc.prosrc</c> keeps it.</summary>
    internal const string PostgresFunctionBody = $"""

        BEGIN
            RAISE EXCEPTION '{GuardMessage}' USING ERRCODE = 'insufficient_privilege';
        END;

        """;

    /// <summary>Each SQLite trigger by name and definition, as <c>sqlite_master.sql</c> keeps it.</summary>
    internal static readonly IReadOnlyDictionary<string, string> SqliteTriggers = new Dictionary<string, string>
    {
        [SqliteUpdateTrigger] = Definition(SqliteUpdateTrigger, "BEFORE UPDATE", ""),
        [SqliteDeleteTrigger] = Definition(SqliteDeleteTrigger, "BEFORE DELETE", ""),
        [SqliteReplaceTrigger] = Definition(
            SqliteReplaceTrigger, "BEFORE INSERT", $"""WHEN EXISTS (SELECT 1 FROM "{AuditEntryConfiguration.Table}" WHERE "Sequence" = NEW."Sequence") """),
    };

    private const string PostgresSql = $"""
        CREATE OR REPLACE FUNCTION {PostgresFunction}() RETURNS trigger LANGUAGE plpgsql AS $${PostgresFunctionBody}$$;
        CREATE OR REPLACE TRIGGER {PostgresRowTrigger} BEFORE UPDATE OR DELETE ON "{AuditEntryConfiguration.Table}"
            FOR EACH ROW EXECUTE FUNCTION {PostgresFunction}();
        CREATE OR REPLACE TRIGGER {PostgresTruncateTrigger} BEFORE TRUNCATE ON "{AuditEntryConfiguration.Table}"
            FOR EACH STATEMENT EXECUTE FUNCTION {PostgresFunction}();
        ALTER TABLE "{AuditEntryConfiguration.Table}" ENABLE ALWAYS TRIGGER {PostgresRowTrigger};
        ALTER TABLE "{AuditEntryConfiguration.Table}" ENABLE ALWAYS TRIGGER {PostgresTruncateTrigger};
        """;

    public async Task RunAsync(AppDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync(PostgresSql, cancellationToken);
        }
        else
        {
            // Dropped and created again in one transaction, so that a trigger of the same name with another body (a
            // WHEN that never holds) is replaced, with no moment without the guard.
            var sql = string.Concat(SqliteTriggers.Select(t => $"DROP TRIGGER IF EXISTS {t.Key};\n{t.Value};\n"));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        AuditLogEvents.GuardEnsured(logger, provider);
    }

    /// <summary>
    /// The names of the guard's triggers that are missing, disabled or altered (empty when the guard is whole): on
    /// SQLite each trigger's definition; on PostgreSQL each trigger's events, its enabled-always state, no WHEN clause,
    /// and the function's body.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> FindMissingAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            var found = new Dictionary<string, bool>(StringComparer.Ordinal);
            if (db.Provider == DatabaseProvider.Postgres)
            {
                // tgtype bits: 1 row, 2 before, 8 delete, 16 update, 32 truncate.
                command.CommandText = $"""
                    SELECT t.tgname,
                           t.tgenabled = 'A' AND t.tgqual IS NULL AND p.proname = '{PostgresFunction}' AND p.prosrc = @body
                           AND t.tgtype = CASE t.tgname WHEN '{PostgresRowTrigger}' THEN 27 ELSE 34 END
                    FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                    WHERE t.tgrelid = to_regclass('"{AuditEntryConfiguration.Table}"')
                      AND t.tgname IN ('{PostgresRowTrigger}', '{PostgresTruncateTrigger}')
                    """;
                var body = command.CreateParameter();
                body.ParameterName = "body";
                body.Value = PostgresFunctionBody;
                command.Parameters.Add(body);
            }
            else
            {
                command.CommandText = $"""
                    SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '{AuditEntryConfiguration.Table}'
                    """;
            }

            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var name = reader.GetString(0);
                    found[name] = db.Provider == DatabaseProvider.Postgres
                        ? reader.GetBoolean(1)
                        : SqliteTriggers.TryGetValue(name, out var expected) && string.Equals(reader.GetString(1), expected, StringComparison.Ordinal);
                }
            }

            IEnumerable<string> names = db.Provider == DatabaseProvider.Postgres ? [PostgresRowTrigger, PostgresTruncateTrigger] : SqliteTriggers.Keys;
            return [.. names.Where(n => !found.GetValueOrDefault(n))];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Definition(string name, string when, string condition) =>
        $"""CREATE TRIGGER {name} {when} ON "{AuditEntryConfiguration.Table}" {condition}BEGIN SELECT RAISE(ABORT, '{GuardMessage}'); END""";
}
