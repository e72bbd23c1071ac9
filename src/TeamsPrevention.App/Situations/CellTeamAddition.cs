namespace TeamsPrevention.App.Situations;

/// <summary>
/// A person the product put in the cell's team so they could join a situation's private channel. Written before the
/// Graph call (a crash after it still leaves the record); people already in the team — added by hand, for other
/// reasons — have none, so the product never removes them. Removed from the team, and this row with it, once they
/// are on the list of no situation whose channel still exists.
/// </summary>
public sealed class CellTeamAddition
{
    public required string TeamId { get; init; }

    /// <summary>Entra object id (no name).</summary>
    public required string UserId { get; init; }

    public DateTimeOffset AddedAt { get; init; }
}
