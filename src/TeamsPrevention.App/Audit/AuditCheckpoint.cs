namespace TeamsPrevention.App.Audit;

/// <summary>
/// A signed copy of the chain's head kept outside the database: the entry <paramref name="Sequence"/> had
/// <paramref name="Hash"/> at <paramref name="WrittenAt"/> (UTC). <paramref name="Signature"/> is
/// <see cref="AuditHasher.SignCheckpoint"/> under the chain key <paramref name="KeyId"/>. One JSON line of the
/// checkpoint file.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset WrittenAt, string KeyId, string Signature);
