namespace TeamsPrevention.Sandbox.Graph;

/// <summary>A team (a Microsoft 365 group with Teams): members, channels and running operations.</summary>
public sealed class SandboxTeam(string id, string displayName, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string DisplayName { get; } = displayName;

    public string? Description { get; init; }

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public List<SandboxMember> Members { get; } = [];

    public List<SandboxChannel> Channels { get; } = [];

    public Dictionary<string, SandboxTeamsOperation> Operations { get; } = new(StringComparer.Ordinal);

    public SandboxMember? FindMember(string userId) =>
        Members.FirstOrDefault(m => string.Equals(m.UserId, userId, StringComparison.OrdinalIgnoreCase));
}
