using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Audit;

/// <summary>
/// The hash chain holds after many appends (also concurrent, from two App instances on one database), and the verifier
/// pinpoints an edited, a deleted, a re-ordered and an inserted entry. To tamper, each test first drops the guard
/// triggers: that simulates a database administrator, the only one who can alter the log.
/// </summary>
public sealed class AuditChainTests
{
    private static readonly Dictionary<string, string?> NoSeed = new() { ["Directory:SeedDemo"] = "false" };

    [Theory, BothProviders]
    public async Task VerifiesChainAfterManyAppends(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, NoSeed);
        await AppendAsync(app, 150);

        var result = await VerifyAsync(app);

        Assert.True(result.IsIntact);
        Assert.Equal(150, result.EntriesChecked);
        Assert.Equal(150, result.LastSequence);
    }

    [Theory, BothProviders]
    public async Task VerifiesChainAfterConcurrentAppendsFromTwoInstances(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = DatabaseApp.StartOn(database, NoSeed);
        await using var second = DatabaseApp.StartOn(database, NoSeed);

        // Four writers per instance, each with its own scope (its own connection), all at once.
        var writers = new[] { first, second }
            .SelectMany(app => Enumerable.Range(0, 4).Select(w => Task.Run(() => AppendAsync(app, 20, $"writer-{w}"))));
        await Task.WhenAll(writers);

        var result = await VerifyAsync(second);
        Assert.True(result.IsIntact, $"broken at {result.FirstBreakSequence}: {result.FirstBreakKind}");
        Assert.Equal(160, result.EntriesChecked);
        Assert.Equal(160, await database.CountAsync(AuditEntryConfiguration.Table));
    }

    [Theory, BothProviders]
    public async Task DetectsEditedEntryAtItsSequence(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, NoSeed);
        await AppendAsync(app, 10);
        await DropGuardAsync(app.Database);

        await app.Database.ExecuteAsync("""UPDATE "AuditEntries" SET "Purpose" = 'nothing to see' WHERE "Sequence" = 6""");

        var result = await VerifyAsync(app);
        Assert.False(result.IsIntact);
        Assert.Equal(6, result.FirstBreakSequence);
        Assert.Equal(AuditBreakKind.Altered, result.FirstBreakKind);
    }

    [Theory, BothProviders]
    public async Task DetectsEditedEntryWhoseHashWasRecomputedAtTheNextSequence(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, NoSeed);
        var entries = await AppendAsync(app, 10);
        await DropGuardAsync(app.Database);

        // A careful tamperer who even holds the chain key recomputes the edited entry's own seal; the next entry still
        // points at the old one.
        var edited = entries[5];
        var ring = app.Services.GetRequiredService<AuditKeyRing>();
        Assert.True(ring.TryGet(edited.KeyId!, out var key));
        var forgedHash = AuditHasher.ComputeKeyed(
            key, edited.KeyId!, edited.Sequence, edited.OccurredAt, edited.Actor, edited.ActorRole, edited.Action, edited.SituationCode,
            edited.TargetType, edited.TargetId, "nothing to see", edited.Outcome, edited.PreviousHash);
        await app.Database.ExecuteAsync(
            $"""UPDATE "AuditEntries" SET "Purpose" = 'nothing to see', "Hash" = '{forgedHash}' WHERE "Sequence" = {edited.Sequence}""");

        var result = await VerifyAsync(app);
        Assert.Equal(edited.Sequence + 1, result.FirstBreakSequence);
        Assert.Equal(AuditBreakKind.Unlinked, result.FirstBreakKind);
    }

    [Theory, BothProviders]
    public async Task DetectsDeletedEntryAtItsSequence(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, NoSeed);
        await AppendAsync(app, 10);
        await DropGuardAsync(app.Database);

        await app.Database.ExecuteAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 4""");

        var result = await VerifyAsync(app);
        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBreakSequence);
        Assert.Equal(AuditBreakKind.Missing, result.FirstBreakKind);
    }

    [Theory, BothProviders]
    public async Task DetectsReorderedEntriesAtTheFirstOfThem(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, NoSeed);
        await AppendAsync(app, 10);
        await DropGuardAsync(app.Database);

        // Swap entries 7 and 8.
        await app.Database.ExecuteAsync("""
            UPDATE "AuditEntries" SET "Sequence" = -1 WHERE "Sequence" = 7;
            UPDATE "AuditEntries" SET "Sequence" = 7 WHERE "Sequence" = 8;
            UPDATE "AuditEntries" SET "Sequence" = 8 WHERE "Sequence" = -1;
            """);

        var result = await VerifyAsync(app);
        Assert.False(result.IsIntact);
        Assert.Equal(7, result.FirstBreakSequence);
    }

    [Theory, BothProviders]
    public async Task DetectsInsertedEntryAtItsSequence(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, NoSeed);
        var entries = await AppendAsync(app, 10);
        await DropGuardAsync(app.Database);

        // Make room at 5 (shift 5..10 up by one, from the top) and slip in a copy of entry 2 renumbered 5.
        for (var sequence = 10; sequence >= 5; sequence--)
        {
            await app.Database.ExecuteAsync($"""UPDATE "AuditEntries" SET "Sequence" = {sequence + 1} WHERE "Sequence" = {sequence}""");
        }

        var copy = entries[1];
        var time = provider == DatabaseProvider.Sqlite ? copy.OccurredAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"'{copy.OccurredAt:O}'";
        await app.Database.ExecuteAsync($"""
            INSERT INTO "AuditEntries" ("Sequence", "OccurredAt", "Actor", "ActorRole", "Action", "SituationCode", "TargetType", "TargetId", "Purpose", "Outcome", "PreviousHash", "KeyId", "Hash")
            VALUES (5, {time}, '{copy.Actor}', '{copy.ActorRole}', '{copy.Action}', '{copy.SituationCode}', '{copy.TargetType}', '{copy.TargetId}', '{copy.Purpose}', '{copy.Outcome}', '{entries[3].Hash}', '{copy.KeyId}', '{copy.Hash}')
            """);

        var result = await VerifyAsync(app);
        Assert.False(result.IsIntact);
        Assert.Equal(5, result.FirstBreakSequence);
        Assert.Equal(AuditBreakKind.Altered, result.FirstBreakKind);
    }

    internal static async Task DropGuardAsync(TestDatabase database) =>
        await database.ExecuteAsync(database.Provider == DatabaseProvider.Postgres
            ? $"""DROP TRIGGER {AuditGuard.PostgresRowTrigger} ON "AuditEntries"; DROP TRIGGER {AuditGuard.PostgresTruncateTrigger} ON "AuditEntries";"""
            : $"DROP TRIGGER {AuditGuard.SqliteUpdateTrigger}; DROP TRIGGER {AuditGuard.SqliteDeleteTrigger}; DROP TRIGGER {AuditGuard.SqliteReplaceTrigger};");

    private static async Task<List<AuditEntry>> AppendAsync(DatabaseApp app, int count, string actor = "writer")
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < count; i++)
        {
            var entry = await app.InScopeAsync(services => services.GetRequiredService<AuditLog>().RecordAsync(
                new AuditRecord(
                    $"00000000-0000-4000-8000-{i:D12}",
                    "Referent",
                    (AuditAction)(i % 10),
                    SituationCode: i % 3 == 0 ? "K7M-4QX" : null,
                    TargetType: "Situation",
                    TargetId: actor,
                    Purpose: "test"),
                CancellationToken.None));
            entries.Add(entry);
        }

        return entries;
    }

    private static Task<AuditVerification> VerifyAsync(DatabaseApp app) =>
        app.InScopeAsync(services => services.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));
}
