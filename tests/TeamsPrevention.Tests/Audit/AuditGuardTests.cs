using System.Data.Common;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Audit;

/// <summary>
/// The database itself refuses to change or remove audit entries, on both providers; the App is not ready while any
/// guard trigger is missing, disabled or altered, and restores the guard at its next start.
/// </summary>
public sealed class AuditGuardTests
{
    [Theory, BothProviders]
    public async Task RefusesUpdateOfAnAuditEntry(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider); // The demo seed writes entry 1.

        var error = await Assert.ThrowsAnyAsync<DbException>(() =>
            app.Database.ExecuteAsync("""UPDATE "AuditEntries" SET "Purpose" = 'rewritten' WHERE "Sequence" = 1"""));

        Assert.Contains(AuditGuard.GuardMessage, error.Message, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task RefusesDeleteOfAnAuditEntry(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => app.Database.ExecuteAsync("""DELETE FROM "AuditEntries" """));

        Assert.Contains(AuditGuard.GuardMessage, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await app.Database.CountAsync("AuditEntries"));
    }

    [Fact]
    public async Task RefusesTruncateOfTheAuditTableOnPostgres()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Postgres);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => app.Database.ExecuteAsync("""TRUNCATE "AuditEntries" """));

        Assert.Contains(AuditGuard.GuardMessage, error.Message, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task RestoresDroppedGuardAtNextStart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (DatabaseApp.StartOn(database))
        {
            await AuditChainTests.DropGuardAsync(database);
        }

        await using var restarted = DatabaseApp.StartOn(database);
        using var client = restarted.CreateClient();

        await Assert.ThrowsAnyAsync<DbException>(() =>
            database.ExecuteAsync("""UPDATE "AuditEntries" SET "Purpose" = 'rewritten' WHERE "Sequence" = 1"""));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [Theory, BothProviders]
    public async Task ReportsNotReadyWhileAnyGuardTriggerIsMissing(DatabaseProvider provider)
    {
        IEnumerable<string> triggers = provider == DatabaseProvider.Postgres
            ? [AuditGuard.PostgresRowTrigger, AuditGuard.PostgresTruncateTrigger]
            : AuditGuard.SqliteTriggers.Keys;
        foreach (var trigger in triggers)
        {
            await using var app = await DatabaseApp.StartAsync(provider);
            using var client = app.CreateClient();
            var before = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

            await app.Database.ExecuteAsync(provider == DatabaseProvider.Postgres ? $"""DROP TRIGGER {trigger} ON "AuditEntries" """ : $"DROP TRIGGER {trigger}");
            var after = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
            // The reason names the trigger, never data.
            Assert.Equal($"Audit log guard missing or altered: {trigger}.", report.Entries["audit-guard"].Description);
        }
    }

    [Fact]
    public async Task ReportsNotReadyWithADisabledGuardOrAReplacedGuardFunctionOnPostgres()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Postgres);
        using var client = app.CreateClient();

        await app.Database.ExecuteAsync($"""ALTER TABLE "AuditEntries" DISABLE TRIGGER {AuditGuard.PostgresTruncateTrigger}""");
        var disabled = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        await app.Database.ExecuteAsync($"""ALTER TABLE "AuditEntries" ENABLE ALWAYS TRIGGER {AuditGuard.PostgresTruncateTrigger}""");
        var enabled = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        await app.Database.ExecuteAsync($"""
            CREATE OR REPLACE FUNCTION {AuditGuard.PostgresFunction}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN COALESCE(NEW, OLD); END; $$
            """);
        var neutered = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, neutered.StatusCode);
    }

    [Fact]
    public async Task RefusesUpdatesInReplicaModeOnPostgres()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Postgres);

        // A superuser's session in replica mode skips ordinary triggers; the guard is enabled ALWAYS.
        var error = await Assert.ThrowsAnyAsync<DbException>(() => app.Database.ExecuteAsync("""
            SET session_replication_role = replica; UPDATE "AuditEntries" SET "Purpose" = 'rewritten' WHERE "Sequence" = 1
            """));

        Assert.Contains(AuditGuard.GuardMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsNotReadyWithANeuteredSqliteTriggerAndReplacesItAtNextStart()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        HttpStatusCode neutered;
        await using (var app = DatabaseApp.StartOn(database))
        {
            // Same name, a WHEN that never holds.
            await database.ExecuteAsync($"""
                DROP TRIGGER {AuditGuard.SqliteUpdateTrigger};
                CREATE TRIGGER {AuditGuard.SqliteUpdateTrigger} BEFORE UPDATE ON "AuditEntries" WHEN 0 BEGIN SELECT RAISE(ABORT, '{AuditGuard.GuardMessage}'); END;
                """);
            using var client = app.CreateClient();
            neutered = (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode;
        }

        await using var restarted = DatabaseApp.StartOn(database);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, neutered);
        await Assert.ThrowsAnyAsync<DbException>(() =>
            database.ExecuteAsync("""UPDATE "AuditEntries" SET "Purpose" = 'rewritten' WHERE "Sequence" = 1"""));
    }
}
