using Microsoft.EntityFrameworkCore;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// On SQLite (one writer per file, and a driver that waits for the write lock by blocking a thread), this instance's
/// alert writes queue here asynchronously instead: no thread sleeps in SQLite's busy handler, so 100 concurrent
/// answers or 32 sends in flight cannot starve the thread pool. On PostgreSQL it lets everything through.
/// </summary>
public sealed class AlertWriteGate : IDisposable
{
    private readonly SemaphoreSlim _sqlite = new(1, 1);

    /// <summary>Enters the gate for a write on <paramref name="db"/>; dispose the result to leave.</summary>
    public async ValueTask<Releaser> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return default;
        }

        await _sqlite.WaitAsync(cancellationToken);
        return new Releaser(_sqlite);
    }

    public void Dispose() => _sqlite.Dispose();

    /// <summary>Leaves the gate (nothing on PostgreSQL).</summary>
    public readonly struct Releaser(SemaphoreSlim? semaphore) : IDisposable
    {
        public void Dispose() => semaphore?.Release();
    }
}
