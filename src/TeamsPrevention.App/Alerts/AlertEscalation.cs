namespace TeamsPrevention.App.Alerts;

/// <summary>One escalation step, kept for the tracking view: a recipient that had not answered, and to whom it went.</summary>
public sealed class AlertEscalation
{
    public Guid Id { get; set; }

    public Guid AlertId { get; set; }

    public Guid RecipientId { get; set; }

    public int Level { get; set; }

    /// <summary>The deputy or Chair who received it; null when nobody could (no deputy, no Chair).</summary>
    public Guid? ToPersonId { get; set; }

    public DateTimeOffset At { get; set; }
}
