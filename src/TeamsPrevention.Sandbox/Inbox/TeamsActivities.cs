using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Inbox;

/// <summary>
/// The activities Teams sends a bot from a persona's personal chat, in the shapes of
/// <c>shared/reference/activities</c> (msteams channel, personal conversation, clientInfo entity, tenant in channelData).
/// </summary>
internal static class TeamsActivities
{
    public const string BotName = "TeamsPrevention";
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static JsonObject Message(Context context, string text)
    {
        var activity = Base(context, "message");
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    /// <param name="trigger"><c>manual</c> (a button pressed) or <c>automatic</c> (a card's refresh).</param>
    public static JsonObject Invoke(Context context, string replyToId, string verb, JsonNode? data, string trigger = "manual")
    {
        var activity = Base(context, "invoke");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data?.DeepClone() ?? new JsonObject() },
            ["trigger"] = trigger,
        };
        ((JsonObject)activity["channelData"]!)["source"] = new JsonObject { ["name"] = "message" };
        return activity;
    }

    public static JsonObject InstallationUpdate(Context context, string action)
    {
        var activity = Base(context, "installationUpdate");
        activity["action"] = action;
        activity.Remove("localTimestamp");
        activity.Remove("localTimezone");
        var channelData = (JsonObject)activity["channelData"]!;
        channelData["source"] = new JsonObject { ["name"] = "message" };
        channelData["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = context.ConversationId } };
        return activity;
    }

    public static JsonObject ConversationUpdate(Context context)
    {
        var activity = Base(context, "conversationUpdate");
        activity.Remove("localTimestamp");
        activity.Remove("localTimezone");
        activity.Remove("locale");
        activity.Remove("entities");
        activity["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = context.Persona.TeamsUserId, ["aadObjectId"] = context.Persona.ObjectId },
            new JsonObject { ["id"] = $"28:{context.BotAppId}" });
        return activity;
    }

    private static JsonObject Base(Context context, string type)
    {
        var local = TimeZoneInfo.ConvertTime(context.Now, Brussels);
        var locale = context.Persona.PreferredLanguage;
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = context.ActivityId,
            ["timestamp"] = context.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["localTimestamp"] = local.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["localTimezone"] = "Europe/Brussels",
            ["serviceUrl"] = context.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject
            {
                ["id"] = context.Persona.TeamsUserId,
                ["name"] = context.Persona.DisplayName,
                ["aadObjectId"] = context.Persona.ObjectId,
            },
            ["conversation"] = new JsonObject
            {
                ["conversationType"] = "personal",
                ["tenantId"] = context.TenantId,
                ["id"] = context.ConversationId,
            },
            ["recipient"] = new JsonObject { ["id"] = $"28:{context.BotAppId}", ["name"] = BotName },
            ["locale"] = locale,
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "clientInfo",
                ["locale"] = locale,
                ["country"] = "BE",
                ["platform"] = "Web",
                ["timezone"] = "Europe/Brussels",
            }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = context.TenantId } },
        };
    }

    /// <summary>Who sends, to which bot, in which conversation, when.</summary>
    public sealed record Context(
        DemoPersona Persona,
        string TenantId,
        string BotAppId,
        string ConversationId,
        string ServiceUrl,
        string ActivityId,
        DateTimeOffset Now);
}
