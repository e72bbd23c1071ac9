using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Audit;

/// <summary><see cref="AuditLog.RecordAsync"/>: what it stores, and how it joins the caller's transaction.</summary>
public sealed class AuditLogTests
{
    private static readonly Dictionary<string, string?> NoSeed = new() { ["Directory:SeedDemo"] = "false" };

    [Theory, BothProviders]
    public async Task StoresEveryFieldWithTheTimeFromTheTimeProvider(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.FromHours(1)).AddTicks(1234567));
        var key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        var settings = new Dictionary<string, string?>(NoSeed) { ["Audit:ChainKeys:0:Id"] = "test-1", ["Audit:ChainKeys:0:Key"] = Convert.ToBase64String(key) };
        await using var app = await DatabaseApp.StartAsync(provider, settings, s => s.AddSingleton<TimeProvider>(clock));

        var written = await app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordAsync(
            new AuditRecord("a1b2c3d4-0003-4000-8000-000000000003", "Referent", AuditAction.Reveal, "K7M-4QX", "Situation", "K7M-4QX", "reveal identity field", AuditOutcome.Success),
            CancellationToken.None));
        var stored = await app.InScopeAsync(s => s.GetRequiredService<AppDbContext>().Set<AuditEntry>().SingleAsync());

        Assert.Equal(1, stored.Sequence);
        Assert.Equal(clock.GetUtcNow().AddTicks(-7), stored.OccurredAt); // To the microsecond.
        Assert.Equal(TimeSpan.Zero, stored.OccurredAt.Offset);
        Assert.Equal(("a1b2c3d4-0003-4000-8000-000000000003", "Referent", AuditAction.Reveal, "K7M-4QX", "Situation", "K7M-4QX", "reveal identity field", AuditOutcome.Success),
            (stored.Actor, stored.ActorRole, stored.Action, stored.SituationCode, stored.TargetType, stored.TargetId, stored.Purpose, stored.Outcome));
        Assert.Equal(AuditHasher.Genesis, stored.PreviousHash);
        Assert.Equal(written.Hash, stored.Hash);
        Assert.Equal("test-1", stored.KeyId);
        Assert.Equal(AuditHasher.ComputeKeyed(stored, key), stored.Hash); // HMAC under the configured chain key.
    }

    [Theory, BothProviders]
    public async Task CommitsWithTheCallersTransaction(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, NoSeed);

        await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Add(new App.Directory.Organisation { Id = Guid.NewGuid(), Key = "committed", Name = "Organisation fictive", Kind = App.Directory.OrganisationKind.Other });
            await db.SaveChangesAsync();
            await s.GetRequiredService<AuditLog>().RecordAsync(new AuditRecord("system", null, AuditAction.Change, Purpose: "kept"), CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        });

        Assert.Equal(1, await app.Database.CountAsync("Organisations"));
        Assert.Equal(1, await app.Database.CountAsync("AuditEntries"));
    }

    [Theory, BothProviders]
    public async Task RollsBackWithTheCallersTransaction(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, NoSeed);

        await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Add(new App.Directory.Organisation { Id = Guid.NewGuid(), Key = "rolled-back", Name = "Organisation fictive", Kind = App.Directory.OrganisationKind.Other });
            await db.SaveChangesAsync();
            await s.GetRequiredService<AuditLog>().RecordAsync(new AuditRecord("system", null, AuditAction.Change, Purpose: "lost"), CancellationToken.None);
            await transaction.RollbackAsync();
            return 0;
        });
        var next = await app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordAsync(new AuditRecord("system", null, AuditAction.System), CancellationToken.None));

        Assert.Equal(0, await app.Database.CountAsync("Organisations"));
        Assert.Equal(1, next.Sequence); // The rolled-back entry left no gap.
    }

    [Theory, BothProviders]
    public async Task DoesNotSavePendingChangesOfTheCallersContext(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, NoSeed);

        await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            db.Add(new App.Directory.Organisation { Id = Guid.NewGuid(), Key = "pending", Name = "Organisation fictive", Kind = App.Directory.OrganisationKind.Other });
            return await s.GetRequiredService<AuditLog>().RecordAsync(new AuditRecord("system", null, AuditAction.View), CancellationToken.None);
        });

        Assert.Equal(0, await app.Database.CountAsync("Organisations"));
        Assert.Equal(1, await app.Database.CountAsync("AuditEntries"));
    }

    [Fact]
    public async Task RefusesOverlongPurposeBeforeWritingAnything()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite, NoSeed);

        await Assert.ThrowsAsync<ArgumentException>(() => app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordAsync(
            new AuditRecord("system", null, AuditAction.View, Purpose: new string('x', AuditRecord.MaxPurposeLength + 1)), CancellationToken.None)));

        Assert.Equal(0, await app.Database.CountAsync("AuditEntries"));
    }

    [Theory, BothProviders]
    public async Task AppendsSeveralEntriesInOrderOnOneChainThatVerifies(DatabaseProvider provider)
    {
        // 250 entries: three INSERT statements (100 rows each at most), one chain.
        await using var app = await DatabaseApp.StartAsync(provider, NoSeed);
        await app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordAsync(new AuditRecord("system", null, AuditAction.Change, Purpose: "before"), CancellationToken.None));

        var written = await app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordManyAsync(
            [.. Enumerable.Range(1, 250).Select(i => new AuditRecord("a1b2c3d4-0003-4000-8000-000000000003", "Referent", AuditAction.View, $"K7M-{i:D3}", "Situation", null, "list"))],
            CancellationToken.None));
        await app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordAsync(new AuditRecord("system", null, AuditAction.Change, Purpose: "after"), CancellationToken.None));

        Assert.Equal(Enumerable.Range(2, 250).Select(i => (long)i), written.Select(e => e.Sequence));
        Assert.All(written.Zip(written.Skip(1)), pair => Assert.Equal(pair.First.Hash, pair.Second.PreviousHash));
        Assert.Equal(252, await app.Database.CountAsync("AuditEntries"));
        var verification = await app.InScopeAsync(s => s.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));
        Assert.True(verification.IsIntact);
        Assert.Equal(252, verification.EntriesChecked);
    }

    [Theory, BothProviders]
    public async Task AppendsWithTheDriversSynchronousCallsOnTheSameChain(DatabaseProvider provider)
    {
        // RecordMany: the answer writer's thread; here with a transaction of its own, between two asynchronous appends.
        await using var app = await DatabaseApp.StartAsync(provider, NoSeed);
        await app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordAsync(new AuditRecord("system", null, AuditAction.Change, Purpose: "before"), CancellationToken.None));

        var written = await app.InScopeAsync(s => Task.FromResult(s.GetRequiredService<AuditLog>().RecordMany(
            [.. Enumerable.Range(1, 3).Select(i => new AuditRecord("a1b2c3d4-0003-4000-8000-000000000003", "Partner", AuditAction.Acknowledge, null, "Alert", $"alert-{i}", "alert answered"))])));
        await app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordAsync(new AuditRecord("system", null, AuditAction.Change, Purpose: "after"), CancellationToken.None));

        Assert.Equal([2L, 3L, 4L], written.Select(e => e.Sequence));
        Assert.Equal(5, await app.Database.CountAsync("AuditEntries"));
        var verification = await app.InScopeAsync(s => s.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));
        Assert.True(verification.IsIntact);
        Assert.Equal(5, verification.EntriesChecked);
    }

    [Fact]
    public async Task WritesNoneOfABatchWhenOneRecordIsInvalid()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite, NoSeed);

        await Assert.ThrowsAsync<ArgumentException>(() => app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordManyAsync(
            [new AuditRecord("system", null, AuditAction.View, Purpose: "fine"), new AuditRecord("system", null, AuditAction.View, Purpose: new string('x', AuditRecord.MaxPurposeLength + 1))],
            CancellationToken.None)));

        Assert.Equal(0, await app.Database.CountAsync("AuditEntries"));
    }

    [Fact]
    public async Task AppendsABatchWithOneReadOfTheHeadAndOneInsertOnPostgres()
    {
        // The keyed chain costs an HMAC per entry and no round trip: the lock and the head in one, all entries in one INSERT.
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Postgres, NoSeed);
        var database = new Npgsql.NpgsqlConnectionStringBuilder(app.Database.ConnectionString).Database;
        await app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordAsync(new AuditRecord("system", null, AuditAction.System, Purpose: "warm"), CancellationToken.None));
        var statements = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var tags = string.Join(" ", activity.TagObjects.Select(t => t.Value?.ToString()));
                if (tags.Contains(database!, StringComparison.Ordinal))
                {
                    statements.Enqueue(tags);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var written = await app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordManyAsync(
            [.. Enumerable.Range(1, 100).Select(i => new AuditRecord("a1b2c3d4-0003-4000-8000-000000000003", "Referent", AuditAction.View, $"K7M-{i:D3}", "Situation", null, "list"))],
            CancellationToken.None));

        Assert.Equal(100, written.Count);
        var audit = statements.Where(s => s.Contains("AuditEntries", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, s => s.Contains("pg_advisory_xact_lock", StringComparison.Ordinal) && s.Contains("SELECT \"Sequence\", \"Hash\"", StringComparison.Ordinal));
        Assert.Contains(audit, s => s.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
    }
}
