namespace TeamsPrevention.App.Situations;

/// <summary>What remains of a purged situation: its code, why and when it was purged. No content.</summary>
public sealed class DeletionRecord
{
    public Guid Id { get; init; }

    public required string Code { get; init; }

    /// <summary>The retention category that expired (<c>Declined</c>, <c>Closed</c>).</summary>
    public required string Category { get; init; }

    public DateTimeOffset PurgedAt { get; init; }

    public bool ChannelRemoved { get; init; }
}
