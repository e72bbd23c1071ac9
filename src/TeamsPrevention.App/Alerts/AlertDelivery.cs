namespace TeamsPrevention.App.Alerts;

/// <summary>
/// The durable outbox: one row per person who receives the alert's card. Claimed by one instance at a time with a
/// lease (<see cref="LeaseOwner"/>, <see cref="LeaseUntil"/>); a crashed instance's lease runs out and another resumes.
/// </summary>
public sealed class AlertDelivery
{
    public const int MaxFailureLength = 64;

    public Guid Id { get; set; }

    public Guid AlertId { get; set; }

    /// <summary>The recipient (person or organisation) this card asks to answer.</summary>
    public Guid RecipientId { get; set; }

    public Guid PersonId { get; set; }

    public AlertAudienceSource Reason { get; set; }

    public AlertDeliveryStatus Status { get; set; }

    /// <summary>A card already sent must be replaced with the alert's newer <see cref="Alert.Version"/>.</summary>
    public bool PendingUpdate { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public string? ConversationId { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ActivityId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>How many times the card was posted (more than one only after a crash in flight).</summary>
    public int SendCount { get; set; }

    /// <summary>The alert version the card in Teams shows.</summary>
    public int CardVersion { get; set; }

    /// <summary><c>MessageWritesBlocked</c>, <c>UnknownPerson</c>, <c>Rejected</c>, <c>Throttled</c>, <c>Unavailable</c>.</summary>
    public string? FailureReason { get; set; }
}
