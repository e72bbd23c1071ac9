using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Records answers with group commit: concurrent answers are resolved, checked and written together in one short
/// transaction (<see cref="AlertService.RecordAnswers"/>: the batch's people in one query, what they may answer in
/// one per alert, one update for all the answers, one command per alert for its version bump and card-update request,
/// one audit append), so 100 people pressing the card at once cost a handful of transactions, not 100 that queue for
/// the database's write lock, and their requests read nothing themselves. The card view after the batch is read once,
/// inside the transaction, and handed to every answer of the batch that may see it. Callers wait asynchronously for
/// their answer's outcome; nothing is acknowledged before it is committed. A batch that fails is retried one answer per
/// transaction, so one bad answer fails alone.
/// <para>
/// The batches run on a thread of their own, with the database driver's synchronous calls: each round trip's reply
/// wakes this thread directly. Asynchronous, every reply queued in the thread pool behind the work of the requests
/// still arriving (a hundred at once on two cores), and the first batch of a burst took three times as long; everyone
/// behind it waited for it.
/// </para>
/// </summary>
public sealed class AlertAnswerWriter(IServiceScopeFactory scopes, AlertWriteGate gate, AlertCardViews views) : IDisposable
{
    private const int MaxBatch = 128;
    private readonly BlockingCollection<Pending> _queue = [];
    private readonly Lock _state = new();
    private Thread? _thread;
    private bool _stopped;

    /// <summary>
    /// Records the answer (with the others waiting at the same time): what it did, and the alert's card view right after
    /// the batch that carried it. Once the writer is stopped (the App shutting down), it refuses at once
    /// (<see cref="ObjectDisposedException"/>): nothing is recorded.
    /// </summary>
    public Task<AnswerResult> WriteAsync(AlertAnswerRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request, new TaskCompletionSource<AnswerResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_state)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            _queue.Add(pending, cancellationToken);
            if (_thread is null)
            {
                _thread = new Thread(Loop) { IsBackground = true, Name = "Alert answers" };
                _thread.Start();
            }
        }

        return pending.Outcome.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the writer once the answers already queued are written.</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_state)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            thread = _thread;
            _queue.CompleteAdding();
        }

        thread?.Join();
        _queue.Dispose();
    }

    private void Loop()
    {
        var batch = new List<Pending>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Clear();
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            try
            {
                var outcomes = Commit(batch);
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
                        one.Outcome.TrySetResult(Commit([one])[0]);
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

    private AnswerResult[] Commit(IReadOnlyList<Pending> batch)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var alerts = scope.ServiceProvider.GetRequiredService<AlertService>();
        using var entered = gate.EnterInteractive(db);
        using var transaction = db.Database.BeginTransaction();
        var results = alerts.RecordAnswers([.. batch.Select(p => p.Request)]);
        transaction.Commit();
        foreach (var view in results.Select(r => r.View).OfType<AlertCardView>().Distinct())
        {
            views.Keep(view);
        }

        return results;
    }

    private sealed record Pending(AlertAnswerRequest Request, TaskCompletionSource<AnswerResult> Outcome);
}
