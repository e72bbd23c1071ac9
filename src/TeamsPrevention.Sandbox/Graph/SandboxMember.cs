namespace TeamsPrevention.Sandbox.Graph;

/// <summary>A person's membership of a team or channel.</summary>
public sealed class SandboxMember(string membershipId, string userId, IEnumerable<string> roles)
{
    public string MembershipId { get; } = membershipId;

    public string UserId { get; } = userId;

    public List<string> Roles { get; } = [.. roles];

    public bool IsOwner => Roles.Contains("owner", StringComparer.OrdinalIgnoreCase);
}
