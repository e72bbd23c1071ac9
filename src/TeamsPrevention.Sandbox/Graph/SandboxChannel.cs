namespace TeamsPrevention.Sandbox.Graph;

/// <summary>A channel of a team. Deleted channels stay (they count toward the caps and keep their name).</summary>
public sealed class SandboxChannel(string id, string displayName, string membershipType, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string DisplayName { get; set; } = displayName;

    public string? Description { get; set; }

    /// <summary><c>standard</c>, <c>private</c> or <c>shared</c>.</summary>
    public string MembershipType { get; } = membershipType;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public bool IsGeneral { get; init; }

    public bool IsDeleted { get; set; }

    /// <summary>Archived: read-only in Teams (no new messages, no settings changes); members may still change.</summary>
    public bool IsArchived { get; set; }

    /// <summary>False while a shared channel's creation operation is still running.</summary>
    public bool IsProvisioned { get; set; } = true;

    /// <summary>Direct members (private and shared channels).</summary>
    public List<SandboxMember> Members { get; } = [];

    public bool IsVisible => !IsDeleted && IsProvisioned;
}
