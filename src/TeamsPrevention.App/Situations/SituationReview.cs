namespace TeamsPrevention.App.Situations;

/// <summary>A review (or after-care review) held, with the next date it set.</summary>
public sealed class SituationReview
{
    public Guid Id { get; init; }

    public Guid SituationId { get; init; }

    public ReviewKind Kind { get; init; }

    public DateTimeOffset HeldAt { get; init; }

    public Guid ReviewedBy { get; init; }

    public string? Notes { get; init; }

    /// <summary>The next review date this review set (reviews only).</summary>
    public DateTimeOffset? NextReviewAt { get; init; }
}
