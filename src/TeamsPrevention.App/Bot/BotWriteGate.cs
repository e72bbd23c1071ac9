using Microsoft.EntityFrameworkCore;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// On SQLite (one writer per file, and a driver that waits for the write lock by blocking a thread), the bot's own
/// background writes (the chats it opens) queue here, asynchronously: a fan-out opening hundreds of chats keeps at most
/// one pool thread in SQLite's busy handler. On PostgreSQL it lets everything through.
/// </summary>
public sealed class BotWriteGate : IDisposable
{
    private readonly SemaphoreSlim _sqlite = new(1, 1);

    /// <summary>Enters the gate for a write on <paramref name="db"/>; dispose the result to leave.</summary>
    public async ValueTask<IDisposable?> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        await _sqlite.WaitAsync(cancellationToken);
        return new Releaser(_sqlite);
    }

    public void Dispose() => _sqlite.Dispose();

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
