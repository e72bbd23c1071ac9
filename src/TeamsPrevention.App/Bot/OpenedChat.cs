namespace TeamsPrevention.App.Bot;

/// <summary>
/// A personal chat the bot opened with a person itself (created once through the tenant's service, then reused), for
/// proactive messages to someone Teams has not told the bot of yet. Keyed by the directory's person id.
/// </summary>
public sealed class OpenedChat
{
    public Guid PersonId { get; set; }

    public required string ConversationId { get; set; }

    public required string ServiceUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
