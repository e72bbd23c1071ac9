using System.Data.Common;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Audit;

/// <summary>The database itself refuses to change or remove audit entries, on both providers.</summary>
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

        await Assert.ThrowsAnyAsync<DbException>(() =>
            database.ExecuteAsync("""UPDATE "AuditEntries" SET "Purpose" = 'rewritten' WHERE "Sequence" = 1"""));
    }
}
