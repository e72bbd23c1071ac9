namespace TeamsPrevention.App.Alerts;

/// <summary>An alert sent by the cell or a partner. Its message stays in the app; Teams only shows a content-free card.</summary>
public sealed class Alert
{
    public const int MaxMessageLength = 4000;
    public const int MaxSituationCodeLength = 16;

    public Guid Id { get; set; }

    /// <summary>A random, non-sequential reference shown on the card (e.g. <c>AL-7KQ3MX</c>).</summary>
    public required string Reference { get; set; }

    public Guid SenderPersonId { get; set; }

    public Guid SenderOrganisationId { get; set; }

    public AlertSeverity Severity { get; set; }

    public AlertCategory Category { get; set; }

    public string? SituationCode { get; set; }

    public required string Message { get; set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The answer deadline (UTC), from <see cref="WorkingCalendar"/>.</summary>
    public DateTimeOffset Deadline { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>Raised each time what the card shows changes (an answer, a withdrawal): sent cards older than it are refreshed.</summary>
    public int Version { get; set; } = 1;
}
