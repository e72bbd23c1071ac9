namespace TeamsPrevention.App.Bot;

/// <summary>The body of <c>POST /v3/conversations</c>.</summary>
public sealed record ConversationParameters(
    bool IsGroup,
    ChannelAccount Bot,
    IReadOnlyList<ChannelAccount> Members,
    string TenantId,
    TeamsChannelData? ChannelData);
