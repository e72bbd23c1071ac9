namespace TeamsPrevention.App.Graph;

/// <summary>A person's membership of a team or channel; <see cref="MembershipId"/> is what removal needs.</summary>
public sealed record Membership(string MembershipId, string UserId, bool IsOwner);
