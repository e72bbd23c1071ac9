namespace TeamsPrevention.EndToEnd.Playground;

/// <summary>What <c>GET /_internal/v1/config</c> answers: the mock tenant the Playground plays.</summary>
public sealed record PlaygroundConfig(
    string TenantId,
    PlaygroundBot Bot,
    PlaygroundUser CurrentUser,
    IReadOnlyList<PlaygroundUser> Users,
    PlaygroundChat PersonalChat,
    IReadOnlyList<PlaygroundGroupChat> GroupChats,
    IReadOnlyList<PlaygroundTeam> Teams)
{
    public PlaygroundGroupChat GroupChat => GroupChats[0];

    public PlaygroundTeam Team => Teams[0];
}

public sealed record PlaygroundBot(string Id, string Name);

public sealed record PlaygroundUser(string Id, string Name, string AadObjectId, string? Email);

public sealed record PlaygroundChat(string Id, string Name);

public sealed record PlaygroundGroupChat(string Id, string Name, IReadOnlyList<string> Members);

/// <param name="Channels">The General channel first (its id is the team id), then the configured channel.</param>
public sealed record PlaygroundTeam(
    string Id,
    string Name,
    string AadGroupId,
    IReadOnlyList<PlaygroundChannel> Channels,
    IReadOnlyList<string> Members);

public sealed record PlaygroundChannel(string Id, string Name, string? ChannelType);
