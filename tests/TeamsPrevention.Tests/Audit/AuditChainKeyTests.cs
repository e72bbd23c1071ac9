using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Audit;

/// <summary>
/// The chain is keyed: each entry is an HMAC under a key of the ring held outside the database, named by its key id.
/// A new key seals new entries while old entries verify with the old key; entries from before the chain was keyed keep
/// verifying as plain SHA-256.
/// </summary>
public sealed class AuditChainKeyTests
{
    private static readonly (string, byte[]) First = ("2026a", AuditTamper.Key(3));
    private static readonly (string, byte[]) Second = ("2026b", AuditTamper.Key(5));

    [Theory, BothProviders]
    public async Task EntriesWrittenBeforeTheChainWasKeyedKeepVerifying(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, AuditTamper.Settings(AuditTamper.NewCheckpointDirectory(), seed: false, First));
        // Three entries as the App wrote them before this change: plain SHA-256, no key id.
        var template = new AuditEntry
        {
            Actor = AuditRecord.SystemActor,
            Action = AuditAction.System,
            Purpose = "before the key",
            OccurredAt = AuditHasher.Truncate(DateTimeOffset.UtcNow),
            PreviousHash = AuditHasher.Genesis,
            Hash = "",
        };
        var previous = AuditHasher.Genesis;
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            var legacy = AuditTamper.ForgeUnkeyed(template, sequence, previous);
            await AuditTamper.InsertAsync(app.Database, legacy);
            previous = legacy.Hash;
        }

        var keyed = await AuditTamper.AppendAsync(app, 2);
        var verification = await app.InScopeAsync(s => s.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));

        Assert.Equal([4L, 5L], keyed.Select(e => e.Sequence));
        Assert.Equal(previous, keyed[0].PreviousHash);
        Assert.All(keyed, e => Assert.Equal("2026a", e.KeyId));
        Assert.True(verification.IsIntact, $"broken at {verification.FirstBreakSequence}: {verification.FirstBreakKind}");
        Assert.Equal((5L, 4L), (verification.EntriesChecked, verification.KeyedFromSequence));
    }

    [Theory, BothProviders]
    public async Task ANewKeySealsNewEntriesWhileOldOnesVerifyWithTheOldKey(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var checkpoints = AuditTamper.NewCheckpointDirectory();
        await using (var before = DatabaseApp.StartOn(database, AuditTamper.Settings(checkpoints, seed: false, First)))
        {
            await AuditTamper.AppendAsync(before, 3);
        }

        List<AuditEntry> entries;
        AuditVerification rotated;
        await using (var after = DatabaseApp.StartOn(database, AuditTamper.Settings(checkpoints, seed: false, First, Second)))
        {
            await AuditTamper.AppendAsync(after, 2);
            entries = await AuditTamper.ReadAllAsync(after);
            rotated = await after.InScopeAsync(s => s.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));
        }

        await using var withoutOldKey = DatabaseApp.StartOn(database, AuditTamper.Settings(checkpoints, seed: false, Second));
        var lost = await withoutOldKey.InScopeAsync(s => s.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));

        Assert.Equal(["2026a", "2026a", "2026a", "2026b", "2026b"], entries.Select(e => e.KeyId));
        Assert.True(rotated.IsIntact);
        Assert.Equal(1L, rotated.KeyedFromSequence);
        Assert.Equal((1L, AuditBreakKind.UnknownKey), (lost.FirstBreakSequence, lost.FirstBreakKind));
    }

    [Fact]
    public async Task ReadsTheKeyRingFromAKeyFileWhoseLastKeySealsNewEntries()
    {
        var file = Path.Combine(AuditTamper.NewCheckpointDirectory(), "chain.keys");
        await File.WriteAllLinesAsync(file, ["# oldest first", $"2026a:{Convert.ToBase64String(First.Item2)}", "", $"2026b:{Convert.ToBase64String(Second.Item2)}"]);
        var settings = AuditTamper.Settings(AuditTamper.NewCheckpointDirectory(), seed: false);
        settings["Audit:ChainKeyFile"] = file;

        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite, settings);
        var entry = (await AuditTamper.AppendAsync(app, 1))[0];

        Assert.Equal("2026b", entry.KeyId);
        Assert.Equal(AuditHasher.ComputeKeyed(entry, Second.Item2), entry.Hash);
    }

    [Theory]
    [InlineData("Audit:ChainKeyFile", "/nonexistent/chain.keys", "Audit:ChainKeyFile cannot be read")]
    [InlineData("Audit:ChainKeys:1:Id", "2026a", "listed twice")]
    [InlineData("Audit:ChainKeys:0:Id", "no spaces allowed", "Audit:ChainKeys")]
    public void RefusesToStartWithAKeyRingThatDoesNotParse(string key, string value, string named)
    {
        var settings = AuditTamper.Settings(AuditTamper.NewCheckpointDirectory(), seed: false, First);
        if (key.StartsWith("Audit:ChainKeys:1", StringComparison.Ordinal))
        {
            settings["Audit:ChainKeys:1:Key"] = Convert.ToBase64String(Second.Item2);
        }

        if (key == "Audit:ChainKeyFile")
        {
            settings.Remove("Audit:ChainKeys:0:Id");
            settings.Remove("Audit:ChainKeys:0:Key");
        }

        settings[key] = value;

        using var app = new AppFactory(settings);

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(named, failure.ToString(), StringComparison.Ordinal);
    }
}
