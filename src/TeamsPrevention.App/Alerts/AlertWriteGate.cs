using Microsoft.EntityFrameworkCore;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// On SQLite (one writer per file, and a driver that waits for the write lock by blocking a thread), this instance's
/// alert writes queue here instead: no thread sleeps in SQLite's busy handler, so 32 sends in flight cannot starve the
/// thread pool (they wait asynchronously; the answers' batches wait on the answer writer's own thread). Answers are
/// <em>interactive</em>: someone is waiting on their card for them, so they go before the delivery worker's writes
/// (which yield while an answer waits); otherwise an answer would queue behind every send in flight, each a commit. On
/// PostgreSQL it lets everything through.
/// </summary>
public sealed class AlertWriteGate : IDisposable
{
    private readonly SemaphoreSlim _sqlite = new(1, 1);
    private readonly InFlight _interactive = new();

    /// <summary>Enters the gate for a background write on <paramref name="db"/>; dispose the result to leave.</summary>
    public async ValueTask<Releaser> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return default;
        }

        while (true)
        {
            await _interactive.Idle.WaitAsync(cancellationToken);
            await _sqlite.WaitAsync(cancellationToken);
            if (_interactive.Count == 0)
            {
                return new Releaser(this, false);
            }

            // An answer arrived meanwhile: let it go first.
            _sqlite.Release();
        }
    }

    /// <summary>
    /// Enters the gate for an interactive write (an answer), ahead of background writes. Synchronous: the answer writer
    /// has a thread of its own (<see cref="AlertAnswerWriter"/>), and it waits here for the write in progress only.
    /// </summary>
    public Releaser EnterInteractive(DbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return default;
        }

        _interactive.Enter();
        _sqlite.Wait();
        return new Releaser(this, true);
    }

    public void Dispose() => _sqlite.Dispose();

    private void Leave(bool interactive)
    {
        _sqlite.Release();
        if (interactive)
        {
            _interactive.Leave();
        }
    }

    /// <summary>Leaves the gate (nothing on PostgreSQL).</summary>
    public readonly struct Releaser(AlertWriteGate? gate, bool interactive) : IDisposable
    {
        public void Dispose() => gate?.Leave(interactive);
    }
}
