using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Makes the audit table append-only in the database itself: triggers refuse every UPDATE and DELETE (and TRUNCATE
/// on PostgreSQL), whatever the client. Created at every start, idempotently, because migrations do not carry them
/// (and a dropped trigger comes back at the next start). Only a database administrator who drops the trigger can
/// alter the log, and then <see cref="AuditVerifier"/> finds it.
/// </summary>
internal sealed class AuditGuard(ILogger<AuditGuard> logger) : IDatabaseStartupTask
{
    public const string GuardMessage = "the audit log is append-only";

    public const string SqliteUpdateTrigger = "tp_audit_no_update";
    public const string SqliteDeleteTrigger = "tp_audit_no_delete";
    public const string PostgresRowTrigger = "tp_audit_append_only";
    public const string PostgresTruncateTrigger = "tp_audit_no_truncate";
    public const string PostgresFunction = "tp_audit_append_only";

    private const string SqliteSql = $"""
        CREATE TRIGGER IF NOT EXISTS {SqliteUpdateTrigger} BEFORE UPDATE ON "{AuditEntryConfiguration.Table}"
        BEGIN SELECT RAISE(ABORT, '{GuardMessage}'); END;
        CREATE TRIGGER IF NOT EXISTS {SqliteDeleteTrigger} BEFORE DELETE ON "{AuditEntryConfiguration.Table}"
        BEGIN SELECT RAISE(ABORT, '{GuardMessage}'); END;
        """;

    private const string PostgresSql = $"""
        CREATE OR REPLACE FUNCTION {PostgresFunction}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{GuardMessage}' USING ERRCODE = 'insufficient_privilege';
        END;
        $$;
        CREATE OR REPLACE TRIGGER {PostgresRowTrigger} BEFORE UPDATE OR DELETE ON "{AuditEntryConfiguration.Table}"
            FOR EACH ROW EXECUTE FUNCTION {PostgresFunction}();
        CREATE OR REPLACE TRIGGER {PostgresTruncateTrigger} BEFORE TRUNCATE ON "{AuditEntryConfiguration.Table}"
            FOR EACH STATEMENT EXECUTE FUNCTION {PostgresFunction}();
        """;

    public async Task RunAsync(AppDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres ? PostgresSql : SqliteSql, cancellationToken);
        AuditLogEvents.GuardEnsured(logger, provider);
    }
}
