using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Audit;

/// <summary>
/// Signed checkpoints of the chain's head, appended to a file outside the database: every interval and on the DPO's
/// demand, whole lines from several instances at once, never anchoring a chain that no longer holds.
/// </summary>
public sealed class AuditCheckpointTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly (string, byte[]) TestKey = ("cp-test", AuditTamper.Key(11));

    [Theory, BothProviders]
    public async Task WritesASignedCheckpointOfTheHeadEveryInterval(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var directory = AuditTamper.NewCheckpointDirectory();
        await using var app = await DatabaseApp.StartAsync(provider, AuditTamper.Settings(directory, seed: false, TestKey), s => s.AddSingleton<TimeProvider>(clock));
        var head = (await AuditTamper.AppendAsync(app, 4))[^1];

        var lines = await EventuallyAsync(() =>
        {
            clock.Advance(new AuditCheckpointOptions().Interval);
            return Task.FromResult(Lines(directory));
        });

        var checkpoint = Assert.Single(lines);
        Assert.Equal((head.Sequence, head.Hash, "cp-test"), (checkpoint.Sequence, checkpoint.Hash, checkpoint.KeyId));
        Assert.True(checkpoint.WrittenAt > head.OccurredAt);
        Assert.Equal(AuditHasher.SignCheckpoint(TestKey.Item2, checkpoint.Sequence, checkpoint.Hash, checkpoint.WrittenAt, "cp-test"), checkpoint.Signature);
    }

    [Theory, BothProviders]
    public async Task WritesNothingWhileTheHeadHasNotMoved(DatabaseProvider provider)
    {
        var directory = AuditTamper.NewCheckpointDirectory();
        await using var app = await DatabaseApp.StartAsync(provider, AuditTamper.Settings(directory, seed: false));

        var empty = await WriteAsync(app);
        await AuditTamper.AppendAsync(app, 2);
        var first = await WriteAsync(app);
        var again = await WriteAsync(app);

        Assert.Equal(AuditCheckpointOutcome.Empty, empty.Outcome);
        Assert.Equal((AuditCheckpointOutcome.Written, 2L), (first.Outcome, first.Checkpoint!.Sequence));
        Assert.Equal((AuditCheckpointOutcome.Unchanged, first.Checkpoint), (again.Outcome, again.Checkpoint));
        Assert.Single(Lines(directory));
    }

    [Theory, BothProviders]
    public async Task CheckpointsFromTwoInstancesAtOnceStayWholeSignedLines(DatabaseProvider provider)
    {
        var directory = AuditTamper.NewCheckpointDirectory();
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = AuditTamper.Settings(directory, seed: false, TestKey);
        await using var first = DatabaseApp.StartOn(database, settings);
        await using var second = DatabaseApp.StartOn(database, settings);

        var writes = await Task.WhenAll(new[] { first, second }.SelectMany(app => Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await AuditTamper.AppendAsync(app, 1);
            return await WriteAsync(app);
        }))));

        var lines = Lines(directory);
        Assert.Equal(writes.Count(w => w.Outcome == AuditCheckpointOutcome.Written), lines.Count);
        Assert.All(lines, c => Assert.Equal(AuditHasher.SignCheckpoint(TestKey.Item2, c.Sequence, c.Hash, c.WrittenAt, c.KeyId), c.Signature));
        Assert.Equal(lines.Select(c => c.Sequence).Order(), lines.Select(c => c.Sequence)); // Each extends the one before.
        Assert.Equal(lines.Count, lines.Select(c => c.Sequence).Distinct().Count());
        Assert.All(writes, w => Assert.NotEqual(AuditCheckpointOutcome.Refused, w.Outcome));
        var verification = await first.InScopeAsync(s => s.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));
        Assert.Equal(AuditCheckpointStatus.Matched, verification.Checkpoint!.Status);
    }

    [Theory, BothProviders]
    public async Task RefusesToAnchorAChainCutShortOfTheLatestCheckpointOrRewrittenUpToIt(DatabaseProvider provider)
    {
        var directory = AuditTamper.NewCheckpointDirectory();
        await using var app = await DatabaseApp.StartAsync(provider, AuditTamper.Settings(directory, seed: false));
        await AuditTamper.AppendAsync(app, 6);
        var anchored = await WriteAsync(app);
        await AuditTamper.DropGuardAsync(app.Database);

        await app.Database.ExecuteAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" >= 5""");
        var truncated = await WriteAsync(app);
        await AuditTamper.AppendAsync(app, 3); // The App carries on from 4: entries 5, 6, 7 are new ones.
        var rewritten = await WriteAsync(app);

        Assert.Equal((AuditCheckpointOutcome.Written, 6L), (anchored.Outcome, anchored.Checkpoint!.Sequence));
        Assert.Equal((AuditCheckpointOutcome.Refused, 5L, AuditBreakKind.Truncated), (truncated.Outcome, truncated.BreakSequence, truncated.BreakKind));
        Assert.Equal((AuditCheckpointOutcome.Refused, 6L, AuditBreakKind.Rewritten), (rewritten.Outcome, rewritten.BreakSequence, rewritten.BreakKind));
        Assert.Equal(anchored.Checkpoint, Assert.Single(Lines(directory)));
    }

    [Fact]
    public async Task ReportsACheckpointFileWhoseLatestLineWasAlteredOrIsNoCheckpoint()
    {
        var directory = AuditTamper.NewCheckpointDirectory();
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite, AuditTamper.Settings(directory));
        var entries = await AuditTamper.AppendAsync(app, 3);
        await AuditTamper.CheckpointOverHttpAsync(app);
        var file = Assert.Single(System.IO.Directory.GetFiles(directory, "*.jsonl"));

        // Pointing the checkpoint at an earlier entry, with that entry's real hash: the signature no longer holds.
        var latest = Lines(directory)[^1];
        var moved = latest with { Sequence = entries[0].Sequence, Hash = entries[0].Hash };
        await File.AppendAllTextAsync(file, JsonSerializer.Serialize(moved, Json) + "\n");
        var altered = await AuditTamper.VerifyOverHttpAsync(app);
        await File.AppendAllTextAsync(file, "not a checkpoint\n");
        var garbage = await AuditTamper.VerifyOverHttpAsync(app);

        Assert.Equal((AuditBreakKind.CheckpointInvalid, AuditCheckpointStatus.Invalid, entries[0].Sequence), (altered.FirstBreakKind, altered.Checkpoint!.Status, altered.Checkpoint.Sequence));
        Assert.False(garbage.IsIntact);
        Assert.Equal((AuditCheckpointStatus.Invalid, (long?)null), (garbage.Checkpoint!.Status, garbage.Checkpoint.Sequence));
    }

    [Fact]
    public async Task ClosesALineTornByACrashBeforeAppending()
    {
        var directory = AuditTamper.NewCheckpointDirectory();
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite, AuditTamper.Settings(directory, seed: false));
        await AuditTamper.AppendAsync(app, 2);
        await WriteAsync(app);
        var file = Assert.Single(System.IO.Directory.GetFiles(directory, "*.jsonl"));
        await File.AppendAllTextAsync(file, """{"sequence":2,"ha""");

        await AuditTamper.AppendAsync(app, 1);
        var written = await WriteAsync(app);
        var verification = await app.InScopeAsync(s => s.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));

        Assert.Equal(AuditCheckpointOutcome.Written, written.Outcome);
        Assert.EndsWith(JsonSerializer.Serialize(written.Checkpoint, Json) + "\n", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.Equal((AuditCheckpointStatus.Matched, 3L), (verification.Checkpoint!.Status, verification.Checkpoint.Sequence));
    }

    [Fact]
    public async Task OnlyTheDpoCheckpointsOnDemandAndTheVerificationShowsTheCheckpoint()
    {
        var directory = AuditTamper.NewCheckpointDirectory();
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite, AuditTamper.Settings(directory));
        using var chair = app.CreateClient(DemoPeople.Chair);

        var refused = await chair.PostAsync(new Uri("/api/audit/checkpoints", UriKind.Relative), null);
        var written = await AuditTamper.CheckpointOverHttpAsync(app);
        var verification = await AuditTamper.VerifyOverHttpAsync(app);
        var entries = await AuditTamper.ReadAllAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(AuditCheckpointOutcome.Written, written.Outcome);
        var request = entries.Single(e => e.TargetType == "AuditCheckpoint");
        Assert.Equal((request.Sequence, request.Hash), (written.Checkpoint!.Sequence, written.Checkpoint.Hash)); // The request is anchored too.
        Assert.True(verification.IsIntact);
        Assert.Equal((request.Sequence, AuditCheckpointStatus.Matched), (verification.Checkpoint!.Sequence, verification.Checkpoint.Status));
        Assert.Equal(written.Checkpoint.WrittenAt, verification.Checkpoint.WrittenAt);
    }

    [Fact]
    public async Task KeepsTheCheckpointFileOutsideTheDatabaseFolderByDefault()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite);
        var written = await AuditTamper.CheckpointOverHttpAsync(app);
        var database = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource)!;
        var file = await app.InScopeAsync(s => Task.FromResult(AuditCheckpointFile.For(new AuditCheckpointOptions().EffectiveDirectory, s.GetRequiredService<AppDbContext>()).Path));
        try
        {
            Assert.Equal(AuditCheckpointOutcome.Written, written.Outcome);
            Assert.True(File.Exists(file));
            Assert.StartsWith(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), file, StringComparison.Ordinal);
            Assert.False(file.StartsWith(database, StringComparison.Ordinal));
            Assert.Empty(System.IO.Directory.GetFiles(database, "*.jsonl", SearchOption.AllDirectories));
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".lock");
        }
    }

    internal static List<AuditCheckpoint> Lines(string directory) =>
        [.. System.IO.Directory.GetFiles(directory, "*.jsonl").SelectMany(File.ReadAllLines).Select(l => JsonSerializer.Deserialize<AuditCheckpoint>(l, Json)!)];

    private static Task<AuditCheckpointWrite> WriteAsync(DatabaseApp app) =>
        app.InScopeAsync(s => s.GetRequiredService<AuditCheckpoints>().WriteAsync(CancellationToken.None));

    private static async Task<List<AuditCheckpoint>> EventuallyAsync(Func<Task<List<AuditCheckpoint>>> read)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                var lines = await read();
                if (lines.Count > 0)
                {
                    return lines;
                }
            }
            catch (JsonException)
            {
                // A line being written as it was read: read again.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No checkpoint was written.");
    }
}
