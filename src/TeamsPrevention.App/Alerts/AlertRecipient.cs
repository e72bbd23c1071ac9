namespace TeamsPrevention.App.Alerts;

/// <summary>
/// One party that must answer an alert: a person, or an organisation whose contacts may answer for it. Carries the
/// answer and the escalation clock (<see cref="EscalationDueAt"/>, worked by the background service).
/// </summary>
public sealed class AlertRecipient
{
    public Guid Id { get; set; }

    public Guid AlertId { get; set; }

    public AlertRecipientKind Kind { get; set; }

    public Guid? PersonId { get; set; }

    public Guid? OrganisationId { get; set; }

    public AlertAudienceSource ChosenAs { get; set; }

    public AlertAnswer? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public Guid? AnsweredByPersonId { get; set; }

    /// <summary>0: not escalated; 1: to the deputy; 2: to the Chair.</summary>
    public int EscalationLevel { get; set; }

    /// <summary>When the next escalation step is due (UTC); null once answered, withdrawn or escalated to the Chair.</summary>
    public DateTimeOffset? EscalationDueAt { get; set; }

    /// <summary>An instance working this escalation step holds it until then.</summary>
    public DateTimeOffset? EscalationLeaseUntil { get; set; }
}
