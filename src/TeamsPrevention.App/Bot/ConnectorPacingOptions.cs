using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// The Teams limits every write to the Bot Connector keeps to, whichever feature sends it (alert cards, meeting notices,
/// personal notices, bot replies). Bound from <c>Bot:Pacing</c>; limits come from here, never constants.
/// </summary>
public sealed class ConnectorPacingOptions
{
    /// <summary>
    /// Connector writes per second for the whole tenant, all instances together (Teams: 50 per app per tenant, older
    /// revisions 30). Each live instance paces itself at its share (this divided by the live instances).
    /// </summary>
    [Range(1, 1000)]
    public int TenantPerSecond { get; set; } = 50;

    /// <summary>Fraction of <see cref="TenantPerSecond"/> left unused as room for network jitter (0.02 = pace at 98 %).</summary>
    [Range(0.0, 0.5)]
    public double TenantMargin { get; set; } = 0.02;

    /// <summary>429s within one second that mean the tenant's limit (not one thread's) is reached, when they are also at least one write in three of that second: the whole tenant then pauses for the Retry-After.</summary>
    [Range(1, 1000)]
    public int TenantPauseAfterThrottled { get; set; } = 10;

    /// <summary>Sends per second in one conversation (Teams: 7 per second per thread).</summary>
    [Range(1, 100)]
    public int ThreadPerSecond { get; set; } = 7;
}
