namespace TeamsPrevention.App.Audit;

/// <summary>
/// The latest checkpoint and how the database compares with it. Its fields are null only when the latest line could
/// not be read as a checkpoint (<see cref="AuditCheckpointStatus.Invalid"/>).
/// </summary>
/// <param name="WrittenAt">When the checkpoint was written (UTC).</param>
public sealed record AuditCheckpointCheck(long? Sequence, string? Hash, DateTimeOffset? WrittenAt, string? KeyId, AuditCheckpointStatus Status);
