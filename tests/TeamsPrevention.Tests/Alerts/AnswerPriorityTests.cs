using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Alerts;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>Card answers before card deliveries: a delivery waits while answers are handled, and never longer than the cap.</summary>
public sealed class AnswerPriorityTests
{
    [Fact]
    public async Task LetsADeliveryGoAtOnceWhenNobodyIsAnswering()
    {
        var priority = new AnswerPriority();

        var waiting = priority.WhenQuietAsync(TimeSpan.FromSeconds(2), new FakeTimeProvider(), CancellationToken.None);

        Assert.True(waiting.IsCompletedSuccessfully);
        await waiting;
    }

    [Fact]
    public async Task HoldsADeliveryUntilTheLastAnswerEnds()
    {
        var priority = new AnswerPriority();
        var first = priority.Begin();
        var second = priority.Begin();

        var waiting = priority.WhenQuietAsync(TimeSpan.FromSeconds(2), new FakeTimeProvider(), CancellationToken.None);
        first.Dispose();
        first.Dispose(); // Ending twice counts once.
        await Task.Delay(20);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, priority.Answering);

        second.Dispose();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, priority.Answering);
    }

    [Fact]
    public async Task LetsADeliveryGoAfterTheCapWhenAnswersKeepComing()
    {
        var time = new FakeTimeProvider();
        var priority = new AnswerPriority();
        using var answering = priority.Begin();

        var waiting = priority.WhenQuietAsync(TimeSpan.FromSeconds(2), time, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(20);
        Assert.False(waiting.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, priority.Answering);
    }

    [Fact]
    public async Task StopsWaitingWhenTheWorkerStops()
    {
        var priority = new AnswerPriority();
        using var answering = priority.Begin();
        using var stopping = new CancellationTokenSource();

        var waiting = priority.WhenQuietAsync(TimeSpan.FromSeconds(2), new FakeTimeProvider(), stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task LetsDeliveriesPrepareAFewAtATimeAndCountsALeftSlotOnce()
    {
        var priority = new AnswerPriority();
        var slots = new List<AnswerPriority.Lease>();
        for (var i = 0; i < Environment.ProcessorCount; i++)
        {
            slots.Add(await priority.EnterPreparingAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));
        }

        var next = priority.EnterPreparingAsync(CancellationToken.None);
        var after = priority.EnterPreparingAsync(CancellationToken.None);
        await Task.Delay(20);
        Assert.False(next.IsCompleted); // Every slot is taken.

        slots[0].Dispose();
        slots[0].Dispose(); // Leaving twice frees one slot, not two.
        using var admitted = await next.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(20);
        Assert.False(after.IsCompleted);

        slots[1].Dispose();
        using var last = await after.WaitAsync(TimeSpan.FromSeconds(5));
        slots.ForEach(s => s.Dispose());
    }
}
