namespace TeamsPrevention.App.Alerts;

/// <summary>A personal chat the bot opened with a person to deliver alerts (created once, then reused).</summary>
public sealed class AlertConversation
{
    public Guid PersonId { get; set; }

    public required string ConversationId { get; set; }

    public required string ServiceUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
