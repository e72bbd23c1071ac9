namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Durable outbox work: the cards already sent for an alert must be brought to its newest version (an answer beyond
/// Teams' refresh limit). One row per alert, however many answers arrive: the worker marks the sent cards for update in
/// one statement and removes the row unless a newer answer re-stamped it meanwhile.
/// </summary>
public sealed class AlertCardUpdate
{
    public Guid AlertId { get; set; }

    /// <summary>Changed by every request; the worker deletes the row only if the stamp it read is still there.</summary>
    public Guid Stamp { get; set; }

    public DateTimeOffset RequestedAt { get; set; }
}
