namespace TeamsPrevention.App.Audit;

/// <summary>
/// The result of <see cref="AuditCheckpoints.WriteAsync"/>: the checkpoint written (or the latest, when unchanged), or
/// where and why the chain since the latest checkpoint does not hold.
/// </summary>
public sealed record AuditCheckpointWrite(
    AuditCheckpointOutcome Outcome,
    AuditCheckpoint? Checkpoint,
    long? BreakSequence = null,
    AuditBreakKind? BreakKind = null);
