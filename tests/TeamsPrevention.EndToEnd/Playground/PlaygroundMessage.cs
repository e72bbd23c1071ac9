using System.Text.Json;

namespace TeamsPrevention.EndToEnd.Playground;

/// <summary>
/// One event of the Playground's conversation stream (<c>/_ws_conversation/v1/conversations/stream</c>):
/// <c>{"action":"createMessage|updateMessage|typing","actionConversationId":"…","message":{"messageId","from":{"id"},
/// "text","textFormat","attachments":[…],"mentions":[…]}}</c>. In a channel the conversation id is the thread's:
/// <c>19:…@thread.tacv2;messageid=…</c>.
/// </summary>
public sealed record PlaygroundMessage(
    string Action,
    string ConversationId,
    string? MessageId,
    string? FromId,
    string? Text,
    IReadOnlyList<JsonElement> Attachments,
    JsonElement Raw)
{
    public bool IsCreate => Action == "createMessage";

    public bool IsUpdate => Action == "updateMessage";

    /// <summary>True when the message was posted in <paramref name="conversationId"/> or in a thread of it.</summary>
    public bool IsIn(string conversationId) =>
        ConversationId == conversationId || ConversationId.StartsWith(conversationId + ";", StringComparison.Ordinal);

    /// <summary>Text of the message and of its cards, for assertions on what a person reads.</summary>
    public string AllText => Attachments.Count == 0 ? Text ?? string.Empty : $"{Text}\n{string.Join('\n', Attachments.Select(a => a.GetRawText()))}";

    public override string ToString() => $"{Action} in {ConversationId} from {FromId}: {Truncate(AllText)}";

    internal static PlaygroundMessage? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("action", out var action))
        {
            return null;
        }

        var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return new PlaygroundMessage(
            action.GetString() ?? string.Empty,
            root.TryGetProperty("actionConversationId", out var c) ? c.GetString() ?? string.Empty : string.Empty,
            StringOrNull(message, "messageId"),
            message.ValueKind == JsonValueKind.Object && message.TryGetProperty("from", out var from) ? StringOrNull(from, "id") : null,
            StringOrNull(message, "text"),
            message.ValueKind == JsonValueKind.Object && message.TryGetProperty("attachments", out var a) && a.ValueKind == JsonValueKind.Array
                ? [.. a.EnumerateArray()]
                : [],
            root);
    }

    private static string? StringOrNull(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
