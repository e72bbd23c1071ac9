namespace TeamsPrevention.App.Bot;

/// <summary>Entity types read from activities.</summary>
public static class EntityTypes
{
    public const string Mention = "mention";
    public const string ClientInfo = "clientInfo";
}
