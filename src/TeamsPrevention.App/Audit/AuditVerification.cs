namespace TeamsPrevention.App.Audit;

/// <summary>The result of walking the audit chain and comparing it with the latest checkpoint.</summary>
/// <param name="IsIntact">
/// True when every entry from 1 to <paramref name="LastSequence"/> is present, unaltered and linked, and the latest
/// checkpoint (if any) is authentic and matches.
/// </param>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="LastSequence">The sequence number of the last entry read (0 when the log is empty).</param>
/// <param name="FirstBreakSequence">The first sequence number at which the chain does not hold.</param>
/// <param name="FirstBreakKind">What is wrong there.</param>
/// <param name="VerifiedAt">When the walk ended (UTC).</param>
/// <param name="KeyedFromSequence">
/// The first entry sealed with a chain key: entries before it were written before the chain was keyed (plain SHA-256);
/// null when none was met.
/// </param>
/// <param name="Checkpoint">The latest checkpoint and whether it matched; null when none was ever written.</param>
public sealed record AuditVerification(
    bool IsIntact,
    long EntriesChecked,
    long LastSequence,
    long? FirstBreakSequence,
    AuditBreakKind? FirstBreakKind,
    DateTimeOffset VerifiedAt,
    long? KeyedFromSequence = null,
    AuditCheckpointCheck? Checkpoint = null);
