namespace TeamsPrevention.App.Graph;

/// <summary>A channel just created, and the people who could not be added to it (with why).</summary>
public sealed record CreatedChannel(TeamChannel Channel, IReadOnlyList<MemberAddOutcome> MembersNotAdded);
