using System.Text.Json.Nodes;

namespace TeamsPrevention.App.Cards;

/// <summary>
/// The few Adaptive Card elements the product builds, as JSON (schema 1.5, the highest Teams renders for bots).
/// Text is always plain (no Markdown), so every client renders the same words.
/// </summary>
public static class AdaptiveCardElements
{
    public const string Version = "1.5";
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>
    /// A card with its body and actions. No <c>lang</c>: Teams does not need it, and the official renderer (3.0.6)
    /// checks it with a global regular expression that rejects every other card's value.
    /// </summary>
    public static JsonObject Card(IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray([.. body]),
        };
        if (actions?.ToArray() is { Length: > 0 } given)
        {
            card["actions"] = new JsonArray(given);
        }

        return card;
    }

    /// <summary>The card's title: a heading for screen readers.</summary>
    public static JsonObject Title(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["style"] = "heading",
        ["size"] = "Medium",
        ["weight"] = "Bolder",
        ["wrap"] = true,
    };

    public static JsonObject Text(string text, bool bold = false, bool subtle = false, bool small = false, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (bold)
        {
            block["weight"] = "Bolder";
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (small)
        {
            block["size"] = "Small";
        }

        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        return block;
    }

    /// <summary>A list, one text block per item (plain text renders the same on every client, unlike Markdown lists).</summary>
    public static JsonObject List(IEnumerable<string> items) => new()
    {
        ["type"] = "Container",
        ["spacing"] = "Small",
        ["items"] = new JsonArray([.. items.Select(i => (JsonNode)Text("• " + i, spacing: "Small"))]),
    };

    /// <summary>A Universal Action button: Teams sends an <c>adaptiveCard/action</c> invoke with this verb and data.</summary>
    public static JsonObject Execute(string title, string verb, JsonObject data, bool positive = false)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data };
        if (positive)
        {
            action["style"] = "positive";
        }

        return action;
    }
}
