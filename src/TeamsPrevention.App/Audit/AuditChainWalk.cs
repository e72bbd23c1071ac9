namespace TeamsPrevention.App.Audit;

/// <summary>
/// Checks entries one by one, in sequence order, from <paramref name="firstSequence"/>: numbering, each entry's seal
/// (HMAC under its key; plain SHA-256 only before the first keyed entry) and its link to the one before. With a null
/// <paramref name="previousHash"/> the first entry's link is not checked (a walk that starts at a checkpoint).
/// </summary>
internal sealed class AuditChainWalk(AuditKeyRing keys, long firstSequence, string? previousHash)
{
    private long _expected = firstSequence;
    private string? _previousHash = previousHash;

    /// <summary>How many entries were checked.</summary>
    public long Checked { get; private set; }

    /// <summary>The sequence of the last entry that held (<paramref name="firstSequence"/> - 1 before any).</summary>
    public long LastSequence => _expected - 1;

    /// <summary>The first keyed entry's sequence met by this walk.</summary>
    public long? KeyedFrom { get; private set; }

    /// <summary>Where and why the chain breaks at <paramref name="entry"/>, or null when it holds.</summary>
    public (long At, AuditBreakKind Kind)? Check(AuditEntry entry)
    {
        Checked++;
        if (entry.Sequence > _expected)
        {
            return (_expected, AuditBreakKind.Missing);
        }

        if (entry.Sequence < _expected)
        {
            return (entry.Sequence, AuditBreakKind.Unlinked);
        }

        if (Seal(entry) is { } kind)
        {
            return (entry.Sequence, kind);
        }

        if (_previousHash is not null && !string.Equals(entry.PreviousHash, _previousHash, StringComparison.Ordinal))
        {
            return (entry.Sequence, AuditBreakKind.Unlinked);
        }

        _previousHash = entry.Hash;
        _expected = entry.Sequence + 1;
        return null;
    }

    private AuditBreakKind? Seal(AuditEntry entry)
    {
        if (entry.KeyId is null)
        {
            if (KeyedFrom is not null)
            {
                return AuditBreakKind.Unkeyed;
            }

            return AuditHasher.SameHash(AuditHasher.Compute(entry), entry.Hash) ? null : AuditBreakKind.Altered;
        }

        if (!keys.TryGet(entry.KeyId, out var key))
        {
            return AuditBreakKind.UnknownKey;
        }

        if (!AuditHasher.SameHash(AuditHasher.ComputeKeyed(entry, key), entry.Hash))
        {
            return AuditBreakKind.Altered;
        }

        KeyedFrom ??= entry.Sequence;
        return null;
    }
}
