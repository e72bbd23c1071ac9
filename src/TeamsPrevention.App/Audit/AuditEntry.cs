namespace TeamsPrevention.App.Audit;

/// <summary>
/// A row of the append-only audit log. <see cref="Hash"/> is an HMAC-SHA256, under the chain key <see cref="KeyId"/>,
/// over the canonical form of every other field, <see cref="PreviousHash"/> included, so that each entry seals the one
/// before it (see <see cref="AuditHasher"/>); entries written before the chain was keyed have a plain SHA-256.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3… with no gap: a missing number is a deleted entry.</summary>
    public long Sequence { get; init; }

    /// <summary>UTC, to the microsecond (what PostgreSQL keeps).</summary>
    public DateTimeOffset OccurredAt { get; init; }

    public required string Actor { get; init; }

    public string? ActorRole { get; init; }

    public AuditAction Action { get; init; }

    public string? SituationCode { get; init; }

    public string? TargetType { get; init; }

    public string? TargetId { get; init; }

    public string? Purpose { get; init; }

    public AuditOutcome Outcome { get; init; }

    /// <summary>The hash of entry <c>Sequence - 1</c>; <see cref="AuditHasher.Genesis"/> for the first.</summary>
    public required string PreviousHash { get; init; }

    /// <summary>
    /// The id of the chain key that sealed this entry (<see cref="AuditKeyRing"/>); null for an entry written before the
    /// chain was keyed, whose hash is a plain SHA-256. Once one entry is keyed, every later one must be.
    /// </summary>
    public string? KeyId { get; init; }

    /// <summary>Lower-case hex HMAC-SHA256 (or SHA-256 before the chain was keyed), 64 characters.</summary>
    public required string Hash { get; init; }
}
