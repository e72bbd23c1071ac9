namespace TeamsPrevention.App.Bot;

/// <summary>
/// One conversation the bot is part of, kept so the product can write to it later (proactive messages).
/// Captured on <c>installationUpdate</c> and <c>conversationUpdate</c>, refreshed on each message.
/// </summary>
public sealed class BotConversation
{
    /// <summary>The conversation id; for a channel, the channel's own id (without <c>;messageid=…</c>).</summary>
    public required string ConversationId { get; set; }

    public ConversationKind Kind { get; set; }

    /// <summary>Where the Bot Connector for this conversation answers.</summary>
    public required string ServiceUrl { get; set; }

    public required string TenantId { get; set; }

    /// <summary>Personal chats: the person's Entra object id.</summary>
    public string? PersonAadObjectId { get; set; }

    /// <summary>Personal chats: the person's Teams user id (<c>29:…</c>).</summary>
    public string? PersonTeamsUserId { get; set; }

    /// <summary>Channels: the team's thread id as Teams gives it (<c>19:…@thread…</c>).</summary>
    public string? TeamId { get; set; }

    /// <summary>Channels: the channel's thread id.</summary>
    public string? ChannelId { get; set; }

    /// <summary>Language tag of the last client seen (e.g. <c>fr-BE</c>).</summary>
    public string? Locale { get; set; }

    /// <summary>The bot's id in this conversation (<c>28:…</c>).</summary>
    public required string BotId { get; set; }

    /// <summary>The app is installed in this conversation (set by <c>installationUpdate</c>).</summary>
    public bool Installed { get; set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
