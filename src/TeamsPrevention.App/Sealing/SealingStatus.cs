namespace TeamsPrevention.App.Sealing;

/// <summary>
/// Where the re-sealing stands, as the last pass of <see cref="ResealWorker"/> counted it: rows per key id (and
/// <see cref="Plain"/> rows from before sealing), rows that did not open. Counts only, never content.
/// </summary>
public sealed class SealingStatus(SealingKeyRing ring)
{
    /// <summary>The key id under which rows from before sealing (still plain) are counted.</summary>
    public const string Plain = "(plain)";

    private readonly Lock _lock = new();
    private IReadOnlyDictionary<string, int> _rowsByKey = new Dictionary<string, int>();
    private int _unreadable;
    private DateTimeOffset? _countedAt;

    public string CurrentKeyId => ring.CurrentId;

    /// <summary>Rows per key id (only keys and <see cref="Plain"/> that seal at least one row).</summary>
    public IReadOnlyDictionary<string, int> RowsByKey
    {
        get
        {
            lock (_lock)
            {
                return _rowsByKey;
            }
        }
    }

    /// <summary>Rows still to seal again: under another key than the current one, or plain.</summary>
    public int RowsLeft => RowsByKey.Where(k => k.Key != CurrentKeyId).Sum(k => k.Value);

    public int Unreadable => Volatile.Read(ref _unreadable);

    /// <summary>When the rows were last counted; null before the first pass.</summary>
    public DateTimeOffset? CountedAt
    {
        get
        {
            lock (_lock)
            {
                return _countedAt;
            }
        }
    }

    /// <summary>Keys of the ring other than the current one that seal no row (once counted): they may be removed.</summary>
    public IReadOnlyList<string> RemovableKeys => CountedAt is null
        ? []
        : [.. ring.Ids.Where(id => id != CurrentKeyId && !RowsByKey.ContainsKey(id))];

    internal void Update(IReadOnlyDictionary<string, int> rowsByKey, int unreadable, DateTimeOffset at)
    {
        lock (_lock)
        {
            _rowsByKey = rowsByKey;
            _countedAt = at;
        }

        Volatile.Write(ref _unreadable, unreadable);
    }
}
