using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// The message extension's wire format (Microsoft, "Respond to search command": <c>composeExtension</c> of type
/// <c>result</c>, <c>attachmentLayout</c> <c>list</c>, each attachment a card with a <c>preview</c> thumbnail; type
/// <c>message</c> for a text instead of results; "Link unfurling": the same result with one attachment).
/// </summary>
internal static class MessageExtensionWire
{
    public const string Query = "composeExtension/query";
    public const string QueryLink = "composeExtension/queryLink";
    public const string AnonymousQueryLink = "composeExtension/anonymousQueryLink";
    private const string CardContentType = "application/vnd.microsoft.card.adaptive";
    private const string ThumbnailContentType = "application/vnd.microsoft.card.thumbnail";

    /// <summary>The search in a <c>composeExtension/query</c> value; null when it is not one.</summary>
    public static MessageExtensionQuery? ReadQuery(JsonNode? value)
    {
        if (value is not JsonObject o)
        {
            return null;
        }

        var commandId = StringOf(o["commandId"]) ?? "";
        var text = "";
        var initialRun = false;
        foreach (var parameter in o["parameters"] as JsonArray ?? [])
        {
            var name = StringOf(parameter?["name"]);
            if (name == "initialRun")
            {
                initialRun = string.Equals(StringOf(parameter?["value"]), "true", StringComparison.OrdinalIgnoreCase);
            }
            else if (text.Length == 0)
            {
                text = StringOf(parameter?["value"]) ?? "";
            }
        }

        var options = o["queryOptions"] as JsonObject;
        return new MessageExtensionQuery(commandId, text.Trim(), initialRun, IntOf(options?["skip"], 0), IntOf(options?["count"], 25));
    }

    /// <summary>The absolute link in a <c>composeExtension/queryLink</c> value; null otherwise.</summary>
    public static Uri? ReadLink(JsonNode? value) =>
        StringOf(value?["url"]) is { } url && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : null;

    public static JsonObject Result(IEnumerable<MessageExtensionItem> items) => new()
    {
        ["composeExtension"] = new JsonObject
        {
            ["type"] = "result",
            ["attachmentLayout"] = "list",
            ["attachments"] = new JsonArray([.. items.Select(Attachment)]),
        },
    };

    public static JsonObject Message(string text) => new()
    {
        ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = text },
    };

    private static JsonObject Attachment(MessageExtensionItem item) => new()
    {
        ["contentType"] = CardContentType,
        ["content"] = item.Card.DeepClone(),
        ["preview"] = new JsonObject
        {
            ["contentType"] = ThumbnailContentType,
            ["content"] = new JsonObject { ["title"] = item.PreviewTitle, ["text"] = item.PreviewText },
        },
    };

    private static string? StringOf(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private static int IntOf(JsonNode? node, int fallback) =>
        node?.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var n) && n >= 0 ? n : fallback;
}
