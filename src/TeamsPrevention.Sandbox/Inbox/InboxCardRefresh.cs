using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Connector;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Inbox;

/// <summary>
/// What Teams does when a persona looks at a bot card with a <c>refresh</c> clause naming them in <c>userIds</c>
/// (Universal Actions, user-specific views): it sends the bot an <c>adaptiveCard/action</c> invoke with the refresh
/// action (<c>trigger: automatic</c>, <c>replyToId</c> = the card's activity) and shows that persona the card the bot
/// returns, without changing the message itself. The last view per persona and card is kept (until the message
/// changes or the sandbox is reset) so that a look without refreshing shows the same card.
/// </summary>
public sealed class InboxCardRefresh
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    private readonly ConcurrentDictionary<(string Conversation, string Activity, string Persona), (int Versions, JsonObject Card)> _views = new();

    public InboxCardRefresh(SandboxState state) => state.Resetting += _views.Clear;

    /// <summary>True when <paramref name="card"/> asks Teams to refresh itself automatically for <paramref name="persona"/>.</summary>
    public static bool RefreshesFor(JsonObject card, DemoPersona persona, out JsonObject action)
    {
        action = null!;
        if (card["refresh"] is not JsonObject refresh || refresh["action"] is not JsonObject found
            || found["type"]?.GetValue<string>() != "Action.Execute" || refresh["userIds"] is not JsonArray userIds)
        {
            return false;
        }

        string[] ids = [persona.TeamsUserId, persona.ObjectId, $"8:orgid:{persona.ObjectId}"];
        action = found;
        return userIds.Any(u => u is JsonValue v && v.TryGetValue<string>(out var id) && ids.Contains(id, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The first Adaptive Card attached to an activity, if any.</summary>
    public static JsonObject? CardOf(JsonObject activity) =>
        activity["attachments"] is JsonArray attachments
            ? attachments.OfType<JsonObject>().FirstOrDefault(a => a["contentType"]?.GetValue<string>() == CardContentType)?["content"] as JsonObject
            : null;

    /// <summary>
    /// The card <paramref name="persona"/> sees for <paramref name="activity"/>: refreshed through the bot when
    /// <paramref name="refresh"/> (and the card asks for it), else the last refreshed view of this version, else null
    /// (show the card as sent).
    /// </summary>
    public async Task<JsonObject?> ViewAsync(
        ActivitySnapshot activity, string conversationId, DemoPersona persona, bool refresh,
        Func<string, string, JsonNode?, Task<BotDelivery>> invoke)
    {
        if (activity.Sender != "bot" || CardOf(activity.Current) is not { } card || !RefreshesFor(card, persona, out var action))
        {
            return null;
        }

        var key = (conversationId, activity.Id, persona.ObjectId);
        if (refresh)
        {
            var verb = action["verb"]?.GetValue<string>() ?? "";
            var delivery = await invoke(activity.Id, verb, action["data"]);
            if (delivery.Status == 200
                && delivery.Body is JsonObject response
                && response["type"]?.GetValue<string>() == CardContentType
                && response["value"] is JsonObject refreshed)
            {
                _views[key] = (activity.Versions.Count, (JsonObject)refreshed.DeepClone());
                return (JsonObject)refreshed.DeepClone();
            }
        }

        return _views.TryGetValue(key, out var view) && view.Versions == activity.Versions.Count ? (JsonObject)view.Card.DeepClone() : null;
    }
}
