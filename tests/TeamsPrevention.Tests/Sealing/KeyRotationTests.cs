using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Sealing;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Sealing;

/// <summary>
/// Key rotation: rows sealed under key A, the App restarted with [A, B current] seals them all again under B (the old
/// key reads meanwhile), then an App with B alone reads everything; a rotation stopped midway resumes and loses nothing.
/// </summary>
public sealed class KeyRotationTests
{
    internal static readonly (string Id, string Key) A = ("key-a", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 3)).ToArray()));
    internal static readonly (string Id, string Key) B = ("key-b", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 5 + 1)).ToArray()));

    /// <summary>The ring, oldest first, with no identity key (so the ring is exactly these) and no background worker.</summary>
    internal static Dictionary<string, string?> Keys(params (string Id, string Key)[] keys)
    {
        var settings = new Dictionary<string, string?>(CaseTextSteps.Settings) { ["Situations:IdentityKey"] = "", ["Sealing:WorkerEnabled"] = "false" };
        foreach (var (key, index) in keys.Select((k, i) => (k, i)))
        {
            settings[$"Sealing:Keys:{index}:Id"] = key.Id;
            settings[$"Sealing:Keys:{index}:Key"] = key.Key;
        }

        return settings;
    }

    [Theory, BothProviders]
    public async Task SealsEveryRowAgainUnderTheNewKeyThenReadsWithItAlone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        CaseTexts texts;
        await using (var a = SituationsHarness.StartOn(database, Keys(A)))
        {
            texts = await CaseTextSteps.WriteAsync(a);
        }

        var underA = await CaseTextSteps.KeyIdsAsync(database);
        await using (var onlyB = SituationsHarness.StartOn(database, Keys(B)))
        {
            using var unreadable = await onlyB.As(DemoPeople.Referent).GetAsync(new Uri($"/api/situations/{texts.Code}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.InternalServerError, unreadable.StatusCode);
        }

        int resealed;
        string duringRotation;
        await using (var ab = SituationsHarness.StartOn(database, Keys(A, B)))
        {
            duringRotation = await CaseTextSteps.ReadBackAsync(ab, texts);
            resealed = await ab.App.Services.GetRequiredService<ResealWorker>().RunAsync(CancellationToken.None);
            var status = ab.App.Services.GetRequiredService<SealingStatus>();
            Assert.Equal(0, status.RowsLeft);
            Assert.Equal(new[] { "key-a" }, status.RemovableKeys);
            Assert.Equal("Healthy", await ab.As(DemoPeople.Referent).GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
            Assert.Contains(ab.Logs.Lines, l => l.Contains("every row is sealed under key key-b", StringComparison.Ordinal) && l.Contains("key-a", StringComparison.Ordinal));
        }

        var underB = await CaseTextSteps.KeyIdsAsync(database);
        await using var b = SituationsHarness.StartOn(database, Keys(B));
        var read = await CaseTextSteps.ReadBackAsync(b, texts);

        Assert.NotEmpty(underA);
        Assert.All(underA, k => Assert.EndsWith(":key-a", k, StringComparison.Ordinal));
        Assert.Equal(CaseTextSteps.All, CaseTextSteps.Found(duringRotation, []));
        Assert.Equal(underA.Count, resealed);
        Assert.All(underB, k => Assert.EndsWith(":key-b", k, StringComparison.Ordinal));
        Assert.Equal(CaseTextSteps.All, CaseTextSteps.Found(read, []));
        Assert.Empty(CaseTextSteps.Found(await CaseTextSteps.RawDumpAsync(database), []));
    }

    [Theory, BothProviders]
    public async Task ResumesARotationThatCrashedMidwayAndLosesNoRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        CaseTexts texts;
        await using (var a = SituationsHarness.StartOn(database, Keys(A)))
        {
            texts = await CaseTextSteps.WriteAsync(a);
        }

        var rows = (await CaseTextSteps.KeyIdsAsync(database)).Count;
        var crash = new CrashAfterUpdates(4);
        await using (var crashing = SituationsHarness.StartOn(database, new Dictionary<string, string?>(Keys(A, B)) { ["Sealing:BatchSize"] = "2" },
            s => s.AddSingleton<IInterceptor>(crash)))
        {
            var worker = crashing.App.Services.GetRequiredService<ResealWorker>();
            await Assert.ThrowsAsync<SimulatedCrashException>(() => worker.RunAsync(CancellationToken.None));
        }

        var midway = await CaseTextSteps.KeyIdsAsync(database);
        int resumed;
        await using (var again = SituationsHarness.StartOn(database, Keys(A, B)))
        {
            resumed = await again.App.Services.GetRequiredService<ResealWorker>().RunAsync(CancellationToken.None);
        }

        var after = await CaseTextSteps.KeyIdsAsync(database);
        await using var b = SituationsHarness.StartOn(database, Keys(B));
        var read = await CaseTextSteps.ReadBackAsync(b, texts);

        // Batches of two in table order: Alerts, MeetingItems, PoliceFeedbacks committed; the crash came in the
        // second update of SituationActions' batch, which was rolled back whole.
        Assert.Equal(5, crash.Seen);
        Assert.Equal(3, midway.Count(k => k.EndsWith(":key-b", StringComparison.Ordinal)));
        Assert.All(midway.Where(k => k.StartsWith("SituationActions:", StringComparison.Ordinal)), k => Assert.Equal("SituationActions:key-a", k));
        Assert.Equal(rows, midway.Count);
        Assert.Equal(rows - 3, resumed);
        Assert.Equal(rows, after.Count);
        Assert.All(after, k => Assert.EndsWith(":key-b", k, StringComparison.Ordinal));
        Assert.Equal(CaseTextSteps.All, CaseTextSteps.Found(read, []));
    }

    /// <summary>A crash of the App in the middle of a re-sealing batch: the re-sealing update after the first <c>allowed</c> throws.</summary>
    private sealed class CrashAfterUpdates(int allowed) : DbCommandInterceptor
    {
        private int _seen;

        public int Seen => _seen;

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Count(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        private void Count(DbCommand command)
        {
            if (command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.Ordinal)
                && command.CommandText.Contains("\"SealKeyId\" =", StringComparison.Ordinal)
                && Interlocked.Increment(ref _seen) > allowed)
            {
                throw new SimulatedCrashException();
            }
        }
    }

    private sealed class SimulatedCrashException() : Exception("simulated crash");
}
