using System.Threading.Channels;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Records answers with group commit: concurrent answers are resolved, checked and written together in one short
/// transaction (<see cref="AlertService.RecordAnswersAsync"/>: the batch's people in one query, what they may answer in
/// one per alert, one update for all the answers, one command per alert for its version bump and card-update request,
/// one audit append), so 100 people pressing the card at once cost a handful of transactions, not 100 that queue for
/// the database's write lock, and their requests read nothing themselves. The card view after the batch is read once,
/// inside the transaction, and handed to every answer of the batch that may see it. Callers wait asynchronously for
/// their answer's outcome; nothing is acknowledged before it is committed. A batch that fails is retried one answer per
/// transaction, so one bad answer fails alone.
/// </summary>
public sealed class AlertAnswerWriter(IServiceScopeFactory scopes, AlertWriteGate gate, AlertCardViews views)
{
    private const int MaxBatch = 128;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _loop;

    /// <summary>
    /// Records the answer (with the others waiting at the same time): what it did, and the alert's card view right after
    /// the batch that carried it.
    /// </summary>
    public async Task<AnswerResult> WriteAsync(AlertAnswerRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request, new TaskCompletionSource<AnswerResult>(TaskCreationOptions.RunContinuationsAsynchronously));
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

    private async Task<AnswerResult[]> CommitAsync(IReadOnlyList<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var alerts = scope.ServiceProvider.GetRequiredService<AlertService>();
        using var entered = await gate.EnterInteractiveAsync(db, CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var results = await alerts.RecordAnswersAsync([.. batch.Select(p => p.Request)], CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        foreach (var view in results.Select(r => r.View).OfType<AlertCardView>().Distinct())
        {
            views.Keep(view);
        }

        return results;
    }

    private sealed record Pending(AlertAnswerRequest Request, TaskCompletionSource<AnswerResult> Outcome);
}
