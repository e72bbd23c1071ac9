using System.Diagnostics;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Bot;

namespace TeamsPrevention.Tests.Bot;

/// <summary>The tenant's connector pacer: writes spaced evenly (no burst at a second boundary), a 429 pausing its thread, the budget shared by instances.</summary>
public sealed class ConnectorPacerTests
{
    private static ConnectorPacer Limits(int tenantPerSecond, int threadPerSecond = 100, int pauseAfter = 10) =>
        new(Options.Create(new BotOptions
        {
            Pacing = new ConnectorPacingOptions
            {
                TenantPerSecond = tenantPerSecond,
                ThreadPerSecond = threadPerSecond,
                TenantMargin = 0,
                TenantPauseAfterThrottled = pauseAfter,
            },
        }));

    private static async Task<List<TimeSpan>> TimesAsync(ConnectorPacer limits, int count, Func<int, string?> thread)
    {
        var clock = Stopwatch.StartNew();
        var times = new TimeSpan[count];
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await limits.WaitAsync(thread(i), CancellationToken.None);
            times[i] = clock.Elapsed;
        }));
        return [.. times.OrderBy(t => t)];
    }

    [Fact]
    public async Task SpacesWritesEvenlyInsteadOfBursting()
    {
        var times = await TimesAsync(Limits(50), 26, i => $"thread-{i}");

        // 26 writes at 50/s, all asked for at the start: the n-th one never before n × 20 ms (a burst would let many
        // through at once), the last about 500 ms after the start. Measured from the start, not from the first write:
        // a late first continuation (a busy machine) would otherwise shrink every gap after it.
        for (var n = 1; n < times.Count; n++)
        {
            Assert.True(times[n].TotalMilliseconds >= (n * 20) - 3, $"Write {n} went at {times[n].TotalMilliseconds:F1} ms.");
        }

        Assert.InRange(times[^1].TotalMilliseconds, 480, 3000);
    }

    [Fact]
    public async Task PausesAThreadForTheRetryAfterOfA429()
    {
        var limits = Limits(1000);
        var ticket = await limits.WaitAsync("thread", CancellationToken.None);
        limits.Throttled("thread", TimeSpan.FromMilliseconds(400), ticket);

        var clock = Stopwatch.StartNew();
        await limits.WaitAsync("other", CancellationToken.None);
        var other = clock.Elapsed;
        await limits.WaitAsync("thread", CancellationToken.None);

        Assert.True(other < TimeSpan.FromMilliseconds(200), $"Another thread waited {other}.");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(380), $"The throttled thread waited only {clock.Elapsed}.");
    }

    [Fact]
    public async Task PausesTheTenantWhen429sPileUpWithinOneSecond()
    {
        var limits = Limits(1000, pauseAfter: 3);
        for (var i = 0; i < 3; i++)
        {
            limits.Throttled($"thread-{i}", TimeSpan.FromMilliseconds(400), ticket: 0);
        }

        var clock = Stopwatch.StartNew();
        await limits.WaitAsync("unrelated", CancellationToken.None);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(380), $"The tenant did not pause ({clock.Elapsed}).");
    }

    [Theory]
    [InlineData(30, 3, false)] // 3 refused among 33 writes: refused at random, the tenant goes on
    [InlineData(10, 6, true)] // 6 refused among 16: the tenant's limit
    public async Task PausesTheTenantOnlyWhenTheRefusalsAreALargeShareOfTheSecondsWrites(int accepted, int refused, bool pauses)
    {
        var limits = Limits(1000, pauseAfter: 3);
        for (var i = 0; i < accepted; i++)
        {
            await limits.WaitAsync($"accepted-{i}", CancellationToken.None);
        }

        var tickets = new List<long>();
        for (var i = 0; i < refused; i++)
        {
            tickets.Add(await limits.WaitAsync($"refused-{i}", CancellationToken.None));
        }

        for (var i = 0; i < refused; i++)
        {
            limits.Throttled($"refused-{i}", TimeSpan.FromMilliseconds(600), tickets[i]);
        }

        var clock = Stopwatch.StartNew();
        await limits.WaitAsync("unrelated", CancellationToken.None);
        if (pauses)
        {
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(550), $"The tenant did not pause ({clock.Elapsed}).");
        }
        else
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(300), $"The tenant paused for {clock.Elapsed} on a few random 429s.");
        }
    }

    [Fact]
    public async Task SharesTheTenantRateBetweenLiveInstances()
    {
        var limits = Limits(60);
        limits.SetInstances(3);
        Assert.Equal(19, limits.TenantRate, 3);

        // One write less per second each, so that 3 pacers out of step stay within the limit: 19/s here.
        var times = await TimesAsync(limits, 11, i => $"thread-{i}");
        Assert.InRange((times[^1] - times[0]).TotalMilliseconds, 500, 3000);
    }

    [Fact]
    public async Task NeverLetsMoreThanTheLimitIntoAnySlidingSecondEvenWithRefusedWritesGivenBack()
    {
        var limits = Limits(20, pauseAfter: 1000);
        var accepted = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, 45).Select(async i =>
        {
            var ticket = await limits.WaitAsync($"thread-{i}", CancellationToken.None);
            if (i % 5 == 0)
            {
                // Refused by the service: not counted by its window, so given back, and written again.
                limits.Throttled($"thread-{i}", TimeSpan.FromMilliseconds(10), ticket);
                ticket = await limits.WaitAsync($"thread-{i}", CancellationToken.None);
            }

            accepted.Add(ticket);
        }));

        // What the service counts: the accepted writes, at the moment each was let out (its ticket, a Stopwatch
        // timestamp). In any second starting at one of them, at most 20 — and the refused ones left room for others.
        var sorted = accepted.OrderBy(t => t).ToList();
        var busiest = sorted.Max(start => sorted.Count(t => t >= start && t < start + Stopwatch.Frequency));
        Assert.Equal(45, sorted.Count);
        Assert.InRange(busiest, 15, 20);
    }

    [Fact]
    public async Task WritesHeldBackWhenTheirSlotComesGoOnlyWhenReleasedAndNeverBeyondTheLimit()
    {
        var limits = Limits(20);
        var answers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var written = new System.Collections.Concurrent.ConcurrentBag<(long Ticket, TimeSpan At)>();

        // 30 writes at 20/s; the slots of the first dozen come while "answers" are being handled (600 ms).
        var writes = Enumerable.Range(0, 30).Select(async i =>
        {
            var ticket = await limits.WaitAsync($"thread-{i}", CancellationToken.None, _ => answers.Task);
            written.Add((ticket, clock.Elapsed));
        }).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.Empty(written);

        var released = clock.Elapsed;
        answers.SetResult();
        await Task.WhenAll(writes);

        // Nothing went while held back; once released, the held-back writes go, but the last second's log keeps any
        // sliding second at 20 at most (no bunch of late slots beyond the limit).
        Assert.All(written, w => Assert.True(w.At >= released, $"A write went at {w.At.TotalMilliseconds:F0} ms, before the release at {released.TotalMilliseconds:F0} ms."));
        var sorted = written.Select(w => w.Ticket).Order().ToList();
        var busiest = sorted.Max(start => sorted.Count(t => t >= start && t < start + Stopwatch.Frequency));
        Assert.Equal(30, sorted.Count);
        Assert.InRange(busiest, 10, 20);
    }
}
