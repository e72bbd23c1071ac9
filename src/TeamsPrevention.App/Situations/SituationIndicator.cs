namespace TeamsPrevention.App.Situations;

/// <summary>One alert indicator observed, from the city's checklist, with its evidence (never a score).</summary>
public sealed class SituationIndicator
{
    public Guid Id { get; init; }

    public Guid SituationId { get; init; }

    /// <summary>The checklist key (<see cref="AlertIndicator.Key"/>).</summary>
    public required string IndicatorKey { get; init; }

    public required string Evidence { get; set; }

    public Guid ObservedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
