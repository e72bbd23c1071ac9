using System.Threading.Channels;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Records answers with group commit: concurrent answers are written together in one short transaction (each with its
/// own audit entry, in order), so 100 people pressing the card at once cost a handful of commits, not 100 that queue
/// for the database's write lock. Callers wait asynchronously for their answer's outcome; nothing is acknowledged
/// before it is committed. A batch that fails is retried one answer per transaction, so one bad answer fails alone.
/// </summary>
public sealed class AlertAnswerWriter(IServiceScopeFactory scopes, AlertWriteGate gate)
{
    private const int MaxBatch = 128;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _loop;

    /// <summary>Records the answer (with the others waiting at the same time); true when it changed something.</summary>
    public async Task<bool> WriteAsync(AlertAnswerWrite write, CancellationToken cancellationToken)
    {
        var pending = new Pending(write, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        EnsureStarted();
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Outcome.Task.WaitAsync(cancellationToken);
    }

    private void EnsureStarted()
    {
        lock (_start)
        {
            _loop ??= Task.Run(LoopAsync);
        }
    }

    private async Task LoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                var outcomes = await CommitAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Outcome.TrySetResult(outcomes[i]);
                }
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var one in batch)
                {
                    try
                    {
                        one.Outcome.TrySetResult((await CommitAsync([one]))[0]);
                    }
                    catch (Exception e)
                    {
                        one.Outcome.TrySetException(e);
                    }
                }
            }
            catch (Exception e)
            {
                batch.ForEach(p => p.Outcome.TrySetException(e));
            }
        }
    }

    private async Task<bool[]> CommitAsync(IReadOnlyList<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var alerts = scope.ServiceProvider.GetRequiredService<AlertService>();
        using var entered = await gate.EnterAsync(db, CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var outcomes = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            outcomes[i] = await alerts.ApplyAnswerAsync(batch[i].Write, CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
        return outcomes;
    }

    private sealed record Pending(AlertAnswerWrite Write, TaskCompletionSource<bool> Outcome);
}
