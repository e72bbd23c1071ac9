using System.Data.Common;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Audit;

/// <summary>
/// The tamper suite (issue 19, item 4): someone who holds the whole database, but neither the chain key nor the
/// checkpoint file, updates, deletes, upserts, truncates, appends a forged entry, or rewrites the chain and recomputes
/// it. Each is refused by the database, or, once they drop the guard, reported by the DPO's verification over HTTP.
/// </summary>
public sealed class AuditTamperTests
{
    [Theory, BothProviders]
    public async Task UpdateIsRefusedAndAnUpdateWithoutTheGuardIsReported(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, AuditTamper.Settings(AuditTamper.NewCheckpointDirectory()));
        await AuditTamper.AppendAsync(app, 5);
        const string Update = """UPDATE "AuditEntries" SET "Purpose" = 'nothing to see' WHERE "Sequence" = 3""";

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => app.Database.ExecuteAsync(Update));
        await AuditTamper.DropGuardAsync(app.Database);
        await app.Database.ExecuteAsync(Update);
        var verification = await AuditTamper.VerifyOverHttpAsync(app);

        Assert.Contains(AuditGuard.GuardMessage, refused.Message, StringComparison.Ordinal);
        Assert.False(verification.IsIntact);
        Assert.Equal((3L, AuditBreakKind.Altered), (verification.FirstBreakSequence, verification.FirstBreakKind));
    }

    [Theory, BothProviders]
    public async Task DeleteIsRefusedAndADeleteWithoutTheGuardIsReported(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, AuditTamper.Settings(AuditTamper.NewCheckpointDirectory()));
        await AuditTamper.AppendAsync(app, 5);
        const string Delete = """DELETE FROM "AuditEntries" WHERE "Sequence" = 3""";

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => app.Database.ExecuteAsync(Delete));
        await AuditTamper.DropGuardAsync(app.Database);
        await app.Database.ExecuteAsync(Delete);
        var verification = await AuditTamper.VerifyOverHttpAsync(app);

        Assert.Contains(AuditGuard.GuardMessage, refused.Message, StringComparison.Ordinal);
        Assert.Equal((3L, AuditBreakKind.Missing), (verification.FirstBreakSequence, verification.FirstBreakKind));
    }

    [Theory, BothProviders]
    public async Task UpsertOntoAnExistingEntryIsRefused(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, AuditTamper.Settings(AuditTamper.NewCheckpointDirectory()));
        var entries = await AuditTamper.AppendAsync(app, 5);
        var target = entries[1];
        var rewritten = AuditTamper.ForgeUnkeyed(target, target.Sequence, target.PreviousHash, "nothing to see");

        // Both databases: INSERT … ON CONFLICT DO UPDATE. SQLite also: INSERT OR REPLACE (and REPLACE), which deletes the
        // old row without firing delete triggers.
        var errors = new List<DbException>
        {
            await Assert.ThrowsAnyAsync<DbException>(() => AuditTamper.InsertAsync(
                app.Database, rewritten, conflict: """ON CONFLICT ("Sequence") DO UPDATE SET "Purpose" = excluded."Purpose", "Hash" = excluded."Hash", "KeyId" = excluded."KeyId" """)),
        };
        if (provider == DatabaseProvider.Sqlite)
        {
            errors.Add(await Assert.ThrowsAnyAsync<DbException>(() => AuditTamper.InsertAsync(app.Database, rewritten, "INSERT OR REPLACE")));
            errors.Add(await Assert.ThrowsAnyAsync<DbException>(() => AuditTamper.InsertAsync(app.Database, rewritten, "REPLACE")));
        }

        var stored = (await AuditTamper.ReadAllAsync(app)).Single(e => e.Sequence == target.Sequence);
        var verification = await AuditTamper.VerifyOverHttpAsync(app);

        Assert.All(errors, e => Assert.Contains(AuditGuard.GuardMessage, e.Message, StringComparison.Ordinal));
        Assert.Equal((target.Purpose, target.Hash), (stored.Purpose, stored.Hash));
        Assert.True(verification.IsIntact);
    }

    [Theory, BothProviders]
    public async Task TruncationIsRefusedAndCuttingTheNewestEntriesIsReportedAgainstTheLatestCheckpoint(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, AuditTamper.Settings(AuditTamper.NewCheckpointDirectory()));
        await AuditTamper.AppendAsync(app, 5); // 1: the demo seed, 2–6.
        var checkpoint = await AuditTamper.CheckpointOverHttpAsync(app); // Anchors 7, the DPO's request.

        if (provider == DatabaseProvider.Postgres)
        {
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => app.Database.ExecuteAsync("""TRUNCATE "AuditEntries" """));
            Assert.Contains(AuditGuard.GuardMessage, refused.Message, StringComparison.Ordinal);
        }

        await AuditTamper.DropGuardAsync(app.Database);
        await app.Database.ExecuteAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" >= 5""");
        var verification = await AuditTamper.VerifyOverHttpAsync(app);

        Assert.Equal((AuditCheckpointOutcome.Written, 7L), (checkpoint.Outcome, checkpoint.Checkpoint!.Sequence));
        Assert.False(verification.IsIntact);
        Assert.Equal(4, verification.LastSequence); // What is left is a chain that holds in itself…
        Assert.Equal((5L, AuditBreakKind.Truncated), (verification.FirstBreakSequence, verification.FirstBreakKind));
        Assert.Equal((7L, AuditCheckpointStatus.Truncated), (verification.Checkpoint!.Sequence, verification.Checkpoint.Status)); // …short of the checkpoint.
    }

    [Theory, BothProviders]
    public async Task AForgedAppendIsReportedWithOrWithoutAGuessedKey(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = AuditTamper.Settings(AuditTamper.NewCheckpointDirectory(), seed: true, ("2026a", AuditTamper.Key(3)));
        await using var app = DatabaseApp.StartOn(database, settings);
        var entries = await AuditTamper.AppendAsync(app, 3);
        var head = entries[^1];

        // Appending is allowed: the guard stays. First a valid plain SHA-256, as the chain was before it was keyed.
        var unkeyed = AuditTamper.ForgeUnkeyed(head, head.Sequence + 1, head.Hash, "forged");
        await AuditTamper.InsertAsync(database, unkeyed);
        var first = await AuditTamper.VerifyOverHttpAsync(app);

        // Then, on another database, one that names the real key id with an HMAC under a guessed key.
        await using var other = await DatabaseApp.StartAsync(provider, settings);
        var otherHead = (await AuditTamper.AppendAsync(other, 3))[^1];
        var guessed = AuditHasher.ComputeKeyed(
            AuditTamper.Key(4), "2026a", otherHead.Sequence + 1, otherHead.OccurredAt, otherHead.Actor, otherHead.ActorRole, otherHead.Action,
            otherHead.SituationCode, otherHead.TargetType, otherHead.TargetId, "forged", otherHead.Outcome, otherHead.Hash);
        var keyed = AuditTamper.Sealed(otherHead, otherHead.Sequence + 1, otherHead.Hash, "forged", "2026a", guessed);
        await AuditTamper.InsertAsync(other.Database, keyed);
        var second = await AuditTamper.VerifyOverHttpAsync(other);

        Assert.Equal((unkeyed.Sequence, AuditBreakKind.Unkeyed), (first.FirstBreakSequence, first.FirstBreakKind));
        Assert.Equal(1L, first.KeyedFromSequence);
        Assert.Equal((keyed.Sequence, AuditBreakKind.Altered), (second.FirstBreakSequence, second.FirstBreakKind));
    }

    [Theory, BothProviders]
    public async Task RewritingAnEntryAndRecomputingEveryLaterHashIsReported(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, AuditTamper.Settings(AuditTamper.NewCheckpointDirectory()));
        await AuditTamper.AppendAsync(app, 6);
        await AuditTamper.DropGuardAsync(app.Database);

        // Entry 4 rewritten and 4..head re-chained, each with a valid plain SHA-256: without the key, no valid HMAC.
        await AuditTamper.RewriteFromAsync(app, 4, "nothing to see");
        var verification = await AuditTamper.VerifyOverHttpAsync(app);

        Assert.False(verification.IsIntact);
        Assert.Equal((4L, AuditBreakKind.Unkeyed), (verification.FirstBreakSequence, verification.FirstBreakKind));
    }

    [Theory, BothProviders]
    public async Task RewritingTheWholeChainAsIfItWereNeverKeyedIsReportedAgainstTheLatestCheckpoint(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, AuditTamper.Settings(AuditTamper.NewCheckpointDirectory()));
        await AuditTamper.AppendAsync(app, 6);
        var checkpoint = (await AuditTamper.CheckpointOverHttpAsync(app)).Checkpoint!;
        await AuditTamper.AppendAsync(app, 2);
        await AuditTamper.DropGuardAsync(app.Database);

        // From entry 1: a chain that holds in itself, as one written before the chain was keyed would.
        await AuditTamper.RewriteFromAsync(app, 1, "nothing to see");
        var verification = await AuditTamper.VerifyOverHttpAsync(app);

        Assert.False(verification.IsIntact);
        Assert.Null(verification.KeyedFromSequence);
        Assert.Equal((checkpoint.Sequence, AuditBreakKind.Rewritten), (verification.FirstBreakSequence, verification.FirstBreakKind));
        Assert.Equal(AuditCheckpointStatus.Mismatched, verification.Checkpoint!.Status);
    }
}
