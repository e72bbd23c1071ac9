namespace TeamsPrevention.App.Situations;

/// <summary>
/// A written reason (identity reveal, break-glass). Kept with the case content (it may name someone), referenced
/// from the audit log by its id; purged with the situation.
/// </summary>
public sealed class AccessJustification
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; init; }

    public Guid SituationId { get; init; }

    public Guid PersonId { get; init; }

    public JustificationKind Kind { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset At { get; init; }
}
