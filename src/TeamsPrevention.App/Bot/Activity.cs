using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// A Bot Framework activity as Teams sends and receives it. Only the fields the product reads or writes are typed;
/// every other property is kept in <see cref="Extra"/> and written back unchanged.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }

    public string? LocalTimezone { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? TextFormat { get; set; }

    public string? AttachmentLayout { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    public string? Locale { get; set; }

    public string? Text { get; set; }

    public string? Summary { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public List<Entity>? Entities { get; set; }

    public TeamsChannelData? ChannelData { get; set; }

    /// <summary><c>add</c> or <c>remove</c> (and their <c>-upgrade</c> forms) for <c>installationUpdate</c>.</summary>
    public string? Action { get; set; }

    public string? ReplyToId { get; set; }

    /// <summary>The payload of an <c>invoke</c> (or of a card submit on a message).</summary>
    public JsonNode? Value { get; set; }

    /// <summary>The name of an <c>invoke</c>, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The tenant the activity comes from: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;

    /// <summary>The language tag of the sender's client: <c>locale</c>, else the <c>clientInfo</c> entity's.</summary>
    [JsonIgnore]
    public string? ClientLocale =>
        Locale ?? Entities?.FirstOrDefault(e => e.Type == EntityTypes.ClientInfo)?.Locale;

    /// <summary>A message activity with plain markdown text.</summary>
    public static Activity Message(string text) =>
        new() { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" };

    /// <summary>A message activity carrying one Adaptive Card.</summary>
    public static Activity Card(JsonObject card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }],
    };

    /// <summary>Where to answer this activity later: the reference proactive messages start from.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = ClientLocale,
    };
}
