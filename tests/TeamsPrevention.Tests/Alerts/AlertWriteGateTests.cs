using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>The SQLite write gate: one writer at a time, answers (interactive) ahead of the delivery worker's writes.</summary>
public sealed class AlertWriteGateTests
{
    private static SqliteAppDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public async Task LetsAnAnswerInBeforeTheWorkersWritesAlreadyWaiting()
    {
        using var gate = new AlertWriteGate();
        await using var db = Sqlite();
        var order = new List<string>();
        var holder = await gate.EnterAsync(db, CancellationToken.None);

        var background = Enumerable.Range(0, 3).Select(i => EnterAndRecordAsync(gate.EnterAsync(db, CancellationToken.None), $"worker-{i}")).ToList();
        await Task.Delay(50);
        // The answer writer enters from its own thread, with a context of its own (a DbContext is not thread-safe).
        await using var answerDb = Sqlite();
        var answer = EnterAndRecordAsync(new ValueTask<AlertWriteGate.Releaser>(Task.Run(() => gate.EnterInteractive(answerDb))), "answer");
        await Task.Delay(50);
        Assert.Empty(order);

        holder.Dispose();
        await Task.WhenAll([.. background, answer]);

        Assert.Equal("answer", order[0]);
        Assert.Equal(4, order.Count);

        async Task EnterAndRecordAsync(ValueTask<AlertWriteGate.Releaser> entering, string name)
        {
            using var entered = await entering;
            lock (order)
            {
                order.Add(name);
            }

            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task KeepsOneWriterAtATime()
    {
        using var gate = new AlertWriteGate();
        var inside = 0;
        var most = 0;
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            // Each writer with a context of its own, as in the App (the answers enter from another thread).
            await using var db = Sqlite();
            using var entered = i % 3 == 0
                ? await Task.Run(() => gate.EnterInteractive(db))
                : await gate.EnterAsync(db, CancellationToken.None);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref most, now);
            await Task.Delay(2);
            Interlocked.Decrement(ref inside);
        }));

        Assert.Equal(1, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
