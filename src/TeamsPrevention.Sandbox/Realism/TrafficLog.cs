namespace TeamsPrevention.Sandbox.Realism;

/// <summary>The bounded, in-memory log of every request the sandbox received. Thread-safe.</summary>
public sealed class TrafficLog(Microsoft.Extensions.Options.IOptions<SandboxOptions> options)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TrafficEntry> _entries = new();
    private long _sequence;

    public long NextSequence()
    {
        return Interlocked.Increment(ref _sequence);
    }

    public void Add(TrafficEntry entry)
    {
        lock (_gate)
        {
            _entries.AddLast(entry);
            while (_entries.Count > options.Value.TrafficCapacity)
            {
                _entries.RemoveFirst();
            }
        }
    }

    /// <summary>Entries in order, optionally only those whose path starts with <paramref name="pathPrefix"/>.</summary>
    public IReadOnlyList<TrafficEntry> Read(string? pathPrefix = null, long after = 0)
    {
        lock (_gate)
        {
            return [.. _entries.Where(e => e.Sequence > after
                && (string.IsNullOrEmpty(pathPrefix) || e.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(e => e.Sequence)];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
