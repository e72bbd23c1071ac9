namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Work in progress of one kind, counted: <see cref="Idle"/> completes whenever the count falls back to zero (and is
/// already complete while nothing is in progress). Used by <see cref="AlertWriteGate"/> (answers waiting for the SQLite
/// write lock) and <see cref="AnswerPriority"/> (answers being handled).
/// </summary>
internal sealed class InFlight
{
    private readonly Lock _lock = new();
    private int _count;
    private TaskCompletionSource _idle = Completed();

    /// <summary>How many are in progress now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Completes when none is in progress.</summary>
    public Task Idle
    {
        get
        {
            lock (_lock)
            {
                return _idle.Task;
            }
        }
    }

    public void Enter()
    {
        lock (_lock)
        {
            if (_count++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Leave()
    {
        lock (_lock)
        {
            if (--_count == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.TrySetResult();
        return done;
    }
}
