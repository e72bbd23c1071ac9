namespace TeamsPrevention.App.Audit;

/// <summary>The result of walking the audit chain.</summary>
/// <param name="IsIntact">True when every entry from 1 to <paramref name="LastSequence"/> is present, unaltered and linked.</param>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="LastSequence">The sequence number of the last entry read (0 when the log is empty).</param>
/// <param name="FirstBreakSequence">The first sequence number at which the chain does not hold.</param>
/// <param name="FirstBreakKind">What is wrong there.</param>
/// <param name="VerifiedAt">When the walk ended (UTC).</param>
public sealed record AuditVerification(
    bool IsIntact,
    long EntriesChecked,
    long LastSequence,
    long? FirstBreakSequence,
    AuditBreakKind? FirstBreakKind,
    DateTimeOffset VerifiedAt);
