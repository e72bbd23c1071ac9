using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Identity;
using TeamsPrevention.Sandbox.Realism;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Connector;

/// <summary>
/// The Bot Connector v3 subset Teams bots use, at <c>{S}connector/v3/...</c> (serviceUrl <c>{S}connector/</c>):
/// create a 1:1 conversation, send, reply, update, members, team conversations. Requires a sandbox token for
/// <c>https://api.botframework.com</c>; throttled per thread, for all bots in a thread and per app per tenant.
/// </summary>
public static class ConnectorEndpoints
{
    /// <summary>Teams' limit for a bot message, about 100 KB of UTF-16 text.</summary>
    private const int MaxActivityChars = 100 * 1024 / 2;

    public static IEndpointRouteBuilder MapSandboxConnector(this IEndpointRouteBuilder sandbox)
    {
        var v3 = sandbox.MapGroup("/connector/v3")
            .RequireSandboxToken([SandboxAudiences.BotFramework], ConnectorErrors.Unauthorized);

        v3.MapPost("/conversations", CreateConversation)
            .RequireSandboxRateLimit((c, o) => Charges(c, o, "create", o.BotCreatePerThread, allBots: true), ConnectorErrors.Throttled);
        v3.MapPost("/conversations/{conversationId}/activities", Send)
            .RequireSandboxRateLimit((c, o) => Charges(c, o, "send", o.BotSendPerThread, allBots: true), ConnectorErrors.Throttled);
        v3.MapPost("/conversations/{conversationId}/activities/{activityId}", Reply)
            .RequireSandboxRateLimit((c, o) => Charges(c, o, "send", o.BotSendPerThread, allBots: true), ConnectorErrors.Throttled);
        v3.MapPut("/conversations/{conversationId}/activities/{activityId}", Update)
            .RequireSandboxRateLimit((c, o) => Charges(c, o, "send", o.BotSendPerThread, allBots: true), ConnectorErrors.Throttled);
        v3.MapGet("/conversations/{conversationId}/members", Members)
            .RequireSandboxRateLimit((c, o) => Charges(c, o, "get", o.BotGetPerThread, allBots: false), ConnectorErrors.Throttled);
        v3.MapGet("/conversations/{conversationId}/pagedmembers", PagedMembers)
            .RequireSandboxRateLimit((c, o) => Charges(c, o, "get", o.BotGetPerThread, allBots: false), ConnectorErrors.Throttled);
        v3.MapGet("/teams/{teamId}/conversations", TeamConversations)
            .RequireSandboxRateLimit((c, o) => Charges(c, o, "get", o.BotGetPerThread, allBots: false), ConnectorErrors.Throttled);
        return sandbox;
    }

    /// <summary>The Teams thread id the Bot Connector uses for a team (its General channel).</summary>
    public static string TeamThreadId(string teamId) => $"19:sandbox-{teamId}@thread.tacv2";

    private static IResult CreateConversation(JsonObject body, HttpContext http, SandboxState state)
    {
        var caller = http.GetSandboxCaller();
        var parsed = ParseCreate(body, caller, state);
        if (parsed.Error is not null)
        {
            return parsed.Error;
        }

        var persona = parsed.Persona!;
        if (!state.IsAppInstalled(caller.TenantId, persona.ObjectId, caller.AppId))
        {
            return ConnectorErrors.NotInRoster();
        }

        var conversation = state.GetOrCreateConversation(caller.TenantId, caller.AppId, persona, out var created);
        var response = new JsonObject { ["id"] = conversation.Id };
        if (body["activity"] is JsonObject activity)
        {
            if (state.IsBlocked(caller.TenantId, persona.ObjectId))
            {
                return ConnectorErrors.Blocked();
            }

            var invalid = ValidateActivity(activity);
            if (invalid is not null)
            {
                return invalid;
            }

            response["activityId"] = state.AppendActivity(conversation.Id, "bot", WithBot(activity, caller), null);
        }

        return created
            ? TypedResults.Json(response, statusCode: StatusCodes.Status201Created)
            : TypedResults.Json(response);
    }

    private static (IResult? Error, DemoPersona? Persona) ParseCreate(JsonObject body, SandboxCaller caller, SandboxState state)
    {
        if (body["isGroup"] is JsonValue isGroup && isGroup.TryGetValue<bool>(out var group) && group)
        {
            return (ConnectorErrors.BadArgument("The sandbox creates 1:1 conversations only (isGroup must be false)."), null);
        }

        var botId = String(body["bot"] as JsonObject, "id");
        if (!string.Equals(botId, $"28:{caller.AppId}", StringComparison.OrdinalIgnoreCase))
        {
            return (ConnectorErrors.BadArgument("Invalid bot: bot.id must be '28:' followed by the calling app's id."), null);
        }

        if (body["members"] is not JsonArray members || members.Count != 1)
        {
            return (ConnectorErrors.BadArgument("A 1:1 conversation needs exactly one member."), null);
        }

        var tenantId = String(body, "tenantId") ?? String((body["channelData"] as JsonObject)?["tenant"] as JsonObject, "id");
        if (string.IsNullOrEmpty(tenantId))
        {
            return (ConnectorErrors.BadArgument("tenantId is required to create a conversation."), null);
        }

        if (!string.Equals(tenantId, caller.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return (ConnectorErrors.Error(403, "Forbidden", "The tenant does not match the bot's tenant."), null);
        }

        var memberId = String(members[0] as JsonObject, "id");
        var persona = memberId is not null && memberId.StartsWith("29:", StringComparison.Ordinal)
            ? state.FindTenant(tenantId)?.FindPersonaByTeamsId(memberId)
            : null;
        return persona is null
            ? (ConnectorErrors.Error(400, "BadArgument", "Invalid member: the member id must be a '29:' Teams user id of the tenant."), null)
            : (null, persona);
    }

    private static IResult Send(string conversationId, JsonObject activity, HttpContext http, SandboxState state) =>
        Post(conversationId, null, activity, http, state);

    private static IResult Reply(string conversationId, string activityId, JsonObject activity, HttpContext http, SandboxState state) =>
        Post(conversationId, activityId, activity, http, state);

    private static IResult Post(string conversationId, string? replyToId, JsonObject activity, HttpContext http, SandboxState state)
    {
        var caller = http.GetSandboxCaller();
        var (conversation, refused) = Writable(conversationId, caller, state);
        if (refused is not null)
        {
            return refused;
        }

        var invalid = ValidateActivity(activity);
        if (invalid is not null)
        {
            return invalid;
        }

        if (replyToId is not null && state.FindActivity(conversation!.Id, replyToId) is null)
        {
            return ConnectorErrors.Error(404, "ActivityNotFound", "The activity to reply to was not found in the conversation.");
        }

        if (string.Equals(String(activity, "type"), "typing", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Json(new JsonObject(), statusCode: StatusCodes.Status201Created);
        }

        var id = state.AppendActivity(conversation!.Id, "bot", WithBot(activity, caller), replyToId);
        return TypedResults.Json(new JsonObject { ["id"] = id }, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Update(string conversationId, string activityId, JsonObject activity, HttpContext http, SandboxState state)
    {
        var caller = http.GetSandboxCaller();
        var (conversation, refused) = Writable(conversationId, caller, state);
        if (refused is not null)
        {
            return refused;
        }

        var invalid = ValidateActivity(activity);
        if (invalid is not null)
        {
            return invalid;
        }

        return state.UpdateActivity(conversation!.Id, activityId, WithBot(activity, caller), onlySender: "bot")
            ? TypedResults.Json(new JsonObject { ["id"] = activityId })
            : ConnectorErrors.Error(404, "ActivityNotFound", "The activity to update was not found in the conversation, or the bot did not send it.");
    }

    private static IResult Members(string conversationId, HttpContext http, SandboxState state)
    {
        var (members, refused) = ConversationMembers(conversationId, http.GetSandboxCaller(), state);
        return refused ?? TypedResults.Json(new JsonArray([.. members!.Select(m => (JsonNode)Member(m, http.GetSandboxCaller().TenantId))]));
    }

    private static IResult PagedMembers(string conversationId, int? pageSize, string? continuationToken, HttpContext http, SandboxState state)
    {
        var caller = http.GetSandboxCaller();
        var (members, refused) = ConversationMembers(conversationId, caller, state);
        if (refused is not null)
        {
            return refused;
        }

        // Teams: the page size is at least 50 and at most 500.
        var size = Math.Clamp(pageSize ?? 50, 50, 500);
        var start = 0;
        if (continuationToken is not null && (!int.TryParse(continuationToken, out start) || start < 0 || start > members!.Count))
        {
            return ConnectorErrors.BadArgument("Invalid continuation token.");
        }

        var page = members!.Skip(start).Take(size).ToList();
        var body = new JsonObject { ["members"] = new JsonArray([.. page.Select(m => (JsonNode)Member(m, caller.TenantId))]) };
        if (start + size < members!.Count)
        {
            body["continuationToken"] = (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.Json(body);
    }

    private static IResult TeamConversations(string teamId, HttpContext http, SandboxState state)
    {
        var caller = http.GetSandboxCaller();
        var groupId = TeamGroupId(teamId, caller.TenantId, state);
        if (groupId is null)
        {
            return ConnectorErrors.Error(404, "NotFound", "Team not found.");
        }

        var conversations = new JsonArray(new JsonObject { ["id"] = TeamThreadId(groupId), ["name"] = null });
        foreach (var (id, name) in state.TeamChannels(caller.TenantId, groupId))
        {
            conversations.Add(new JsonObject { ["id"] = id, ["name"] = name });
        }

        return TypedResults.Json(new JsonObject { ["conversations"] = conversations });
    }

    private static (IReadOnlyList<DemoPersona>? Members, IResult? Refused) ConversationMembers(string conversationId, SandboxCaller caller, SandboxState state)
    {
        var tenant = state.FindTenant(caller.TenantId)!;
        var groupId = TeamGroupId(conversationId, caller.TenantId, state);
        if (groupId is not null)
        {
            return ([.. state.TeamMembers(caller.TenantId, groupId).Select(tenant.FindPersona).OfType<DemoPersona>()], null);
        }

        var conversation = state.FindConversation(conversationId);
        if (conversation is null)
        {
            return (null, ConnectorErrors.ConversationNotFound());
        }

        if (!Owns(conversation, caller))
        {
            return (null, ConnectorErrors.NotInRoster());
        }

        return ([tenant.FindPersona(conversation.PersonaObjectId)!], null);
    }

    /// <summary>The conversation, if the caller may write to it now; else the Bot Connector's refusal.</summary>
    private static (ConversationSnapshot? Conversation, IResult? Refused) Writable(string conversationId, SandboxCaller caller, SandboxState state)
    {
        var conversation = state.FindConversation(conversationId);
        if (conversation is null)
        {
            return (null, ConnectorErrors.ConversationNotFound());
        }

        if (!Owns(conversation, caller) || !state.IsAppInstalled(caller.TenantId, conversation.PersonaObjectId, caller.AppId))
        {
            return (null, ConnectorErrors.NotInRoster());
        }

        return state.IsBlocked(caller.TenantId, conversation.PersonaObjectId)
            ? (null, ConnectorErrors.Blocked())
            : (conversation, null);
    }

    private static bool Owns(ConversationSnapshot conversation, SandboxCaller caller) =>
        string.Equals(conversation.TenantId, caller.TenantId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(conversation.AppId, caller.AppId, StringComparison.OrdinalIgnoreCase);

    private static IResult? ValidateActivity(JsonObject activity)
    {
        var type = String(activity, "type");
        if (string.IsNullOrEmpty(type))
        {
            return ConnectorErrors.BadArgument("Activity type is required.");
        }

        if (type is not ("message" or "typing"))
        {
            return ConnectorErrors.BadArgument($"Activity type '{type}' cannot be sent to a Teams conversation.");
        }

        if (type == "message"
            && string.IsNullOrEmpty(String(activity, "text"))
            && (activity["attachments"] as JsonArray ?? []).Count == 0)
        {
            return ConnectorErrors.BadArgument("A message needs text or attachments.");
        }

        return activity.ToJsonString().Length > MaxActivityChars
            ? ConnectorErrors.Error(413, "MessageSizeTooBig", "Message size too big.")
            : null;
    }

    private static JsonObject WithBot(JsonObject activity, SandboxCaller caller)
    {
        var copy = (JsonObject)activity.DeepClone();
        copy["from"] ??= new JsonObject { ["id"] = $"28:{caller.AppId}" };
        copy["channelId"] ??= "msteams";
        return copy;
    }

    private static JsonObject Member(DemoPersona persona, string tenantId)
    {
        var names = persona.DisplayName.Split(' ', 2);
        return new JsonObject
        {
            ["id"] = persona.TeamsUserId,
            ["name"] = persona.DisplayName,
            ["aadObjectId"] = persona.ObjectId,
            ["givenName"] = names[0],
            ["surname"] = names.Length > 1 ? names[1] : null,
            ["email"] = persona.UserPrincipalName,
            ["userPrincipalName"] = persona.UserPrincipalName,
            ["tenantId"] = tenantId,
            ["userRole"] = "user",
        };
    }

    /// <summary>The team's group id when <paramref name="id"/> names a team of the tenant (group id or General thread id).</summary>
    private static string? TeamGroupId(string id, string tenantId, SandboxState state)
    {
        var groupId = id.StartsWith("19:sandbox-", StringComparison.Ordinal) && id.EndsWith("@thread.tacv2", StringComparison.Ordinal)
            ? id["19:sandbox-".Length..^"@thread.tacv2".Length]
            : id;
        return state.IsTeamKnown(tenantId, groupId) ? groupId : null;
    }

    private static IEnumerable<RateLimitCharge> Charges(EndpointFilterInvocationContext context, RateLimitOptions options, string operation, string perThread, bool allBots)
    {
        var http = context.HttpContext;
        var caller = http.GetSandboxCaller();
        var thread = Thread(context, caller);
        yield return new RateLimitCharge($"bot-{operation}|{caller.TenantId}|{caller.AppId}|{thread}", RateWindow.ParseList(perThread));
        if (allBots)
        {
            yield return new RateLimitCharge($"all-bots|{caller.TenantId}|{thread}", RateWindow.ParseList(options.AllBotsPerThread));
        }

        yield return new RateLimitCharge($"bot-tenant|{caller.TenantId}|{caller.AppId}", RateWindow.ParseList(options.BotPerTenant));
    }

    /// <summary>The thread a request is about: the conversation, the team, or the 1:1 conversation being created.</summary>
    private static string Thread(EndpointFilterInvocationContext context, SandboxCaller caller)
    {
        var route = context.HttpContext.Request.RouteValues;
        if (route["conversationId"] is string conversationId)
        {
            return conversationId;
        }

        if (route["teamId"] is string teamId)
        {
            return TeamThreadId(teamId);
        }

        var body = context.Arguments.OfType<JsonObject>().FirstOrDefault();
        var memberId = (body?["members"] as JsonArray)?.FirstOrDefault() is JsonObject member ? String(member, "id") : null;
        var state = context.HttpContext.RequestServices.GetRequiredService<SandboxState>();
        var persona = memberId is null ? null : state.FindTenant(caller.TenantId)?.FindPersonaByTeamsId(memberId);
        var existing = persona is null
            ? null
            : state.ConversationsOf(caller.TenantId, persona.ObjectId).FirstOrDefault(c => string.Equals(c.AppId, caller.AppId, StringComparison.OrdinalIgnoreCase));
        return existing?.Id ?? $"new-1:1|{memberId}";
    }

    private static string? String(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
