namespace TeamsPrevention.App.Bot;

/// <summary>Where a conversation takes place.</summary>
public enum ConversationKind
{
    Personal,
    GroupChat,
    Channel,
}
