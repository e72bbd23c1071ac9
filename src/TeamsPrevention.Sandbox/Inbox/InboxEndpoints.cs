using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Connector;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Inbox;

/// <summary>
/// The JSON API behind the browser inbox, at <c>{S}inbox/...</c>: the personas, each persona's chat with the bot
/// (what the bot sent, updates applied, earlier versions kept), and the persona's side of Teams: install, type a
/// message, press a card button (an <c>adaptiveCard/action</c> invoke), block the bot. Not protected: sandbox only.
/// An optional <c>tenant</c> query picks the tenant (default: the city).
/// </summary>
public static class InboxEndpoints
{
    private const string CardContentType = InboxCardRefresh.CardContentType;

    public static IEndpointRouteBuilder MapSandboxInbox(this IEndpointRouteBuilder sandbox)
    {
        var inbox = sandbox.MapGroup("/inbox");
        inbox.MapGet("/personas", Personas);
        inbox.MapGet("/{objectId}", ShowAsync);
        inbox.MapPost("/{objectId}/install", InstallAsync);
        inbox.MapPost("/{objectId}/uninstall", UninstallAsync);
        inbox.MapPost("/{objectId}/messages", SendMessageAsync);
        inbox.MapPost("/{objectId}/invoke", InvokeAsync);
        inbox.MapPut("/{objectId}/blocked", SetBlocked);
        return sandbox;
    }

    private static IResult Personas(string? tenant, SandboxState state)
    {
        var known = state.FindTenant(tenant ?? DemoTenant.TenantId);
        if (known is null)
        {
            return TypedResults.NotFound();
        }

        var botAppId = known.Apps[0].ClientId;
        return TypedResults.Ok(known.Personas.Select(p => PersonaView(p, known, botAppId, state)));
    }

    /// <summary>
    /// The persona's chat. As Teams does, a card whose <c>refresh.userIds</c> names the persona is refreshed through the
    /// bot (unless <c>refresh=false</c>) and shown as the bot returned it (<c>refreshed: true</c>); <c>activity</c> and
    /// <c>versions</c> stay what the bot posted.
    /// </summary>
    private static async Task<IResult> ShowAsync(
        string objectId, string? tenant, bool? refresh, HttpContext http, SandboxState state, BotChannel bot, InboxCardRefresh refresher, TimeProvider time)
    {
        if (Find(objectId, tenant, state) is not ({ } known, { } persona))
        {
            return TypedResults.NotFound();
        }

        var botAppId = known.Apps[0].ClientId;
        var conversation = state.ConversationsOf(known.TenantId, persona.ObjectId)
            .FirstOrDefault(c => string.Equals(c.AppId, botAppId, StringComparison.OrdinalIgnoreCase));
        var views = new Dictionary<string, JsonObject>();
        if (conversation is not null)
        {
            var live = (refresh ?? true) && bot.IsConfigured;
            Task<BotDelivery> InvokeAsync(string replyToId, string verb, JsonNode? data)
            {
                var context = Context(http, known, persona, botAppId, conversation.Id, time) with { ActivityId = NewId() };
                return bot.PostAsync(TeamsActivities.Invoke(context, replyToId, verb, data, "automatic"), botAppId, http.RequestAborted);
            }

            foreach (var activity in conversation.Activities)
            {
                if (await refresher.ViewAsync(activity, conversation.Id, persona, live, InvokeAsync) is { } card)
                {
                    views[activity.Id] = card;
                }
            }
        }

        return TypedResults.Ok(new
        {
            persona = PersonaView(persona, known, botAppId, state),
            conversation = conversation is null ? null : new
            {
                id = conversation.Id,
                botAppId = conversation.AppId,
                activities = conversation.Activities.Select(a => new
                {
                    id = a.Id,
                    from = a.Sender,
                    replyToId = a.ReplyToId,
                    timestamp = a.Timestamp,
                    text = a.Current["text"]?.DeepClone(),
                    attachments = views.TryGetValue(a.Id, out var view)
                        ? new JsonArray(new JsonObject { ["contentType"] = CardContentType, ["content"] = view })
                        : a.Current["attachments"]?.DeepClone(),
                    refreshed = views.ContainsKey(a.Id),
                    activity = a.Current,
                    versions = a.Versions,
                }),
            },
        });
    }

    private static async Task<IResult> InstallAsync(string objectId, string? tenant, HttpContext http, SandboxState state, BotChannel bot, TimeProvider time)
    {
        if (Find(objectId, tenant, state) is not ({ } known, { } persona))
        {
            return TypedResults.NotFound();
        }

        if (!bot.IsConfigured)
        {
            return NoBot();
        }

        var botAppId = known.Apps[0].ClientId;
        state.InstallApp(known.TenantId, persona.ObjectId, botAppId);
        var conversation = state.GetOrCreateConversation(known.TenantId, botAppId, persona, out _);
        var context = Context(http, known, persona, botAppId, conversation.Id, time);
        var installation = await bot.PostAsync(TeamsActivities.InstallationUpdate(context with { ActivityId = NewId() }, "add"), botAppId, http.RequestAborted);
        var update = await bot.PostAsync(TeamsActivities.ConversationUpdate(context with { ActivityId = NewId() }), botAppId, http.RequestAborted);
        return TypedResults.Ok(new { conversationId = conversation.Id, deliveries = new[] { installation, update } });
    }

    private static async Task<IResult> UninstallAsync(string objectId, string? tenant, HttpContext http, SandboxState state, BotChannel bot, TimeProvider time)
    {
        if (Find(objectId, tenant, state) is not ({ } known, { } persona))
        {
            return TypedResults.NotFound();
        }

        var botAppId = known.Apps[0].ClientId;
        state.UninstallApp(known.TenantId, persona.ObjectId, botAppId);
        var conversation = state.ConversationsOf(known.TenantId, persona.ObjectId).FirstOrDefault(c => c.AppId == botAppId);
        if (conversation is null || !bot.IsConfigured)
        {
            return TypedResults.Ok(new { conversationId = conversation?.Id, deliveries = Array.Empty<BotDelivery>() });
        }

        var context = Context(http, known, persona, botAppId, conversation.Id, time) with { ActivityId = NewId() };
        var delivery = await bot.PostAsync(TeamsActivities.InstallationUpdate(context, "remove"), botAppId, http.RequestAborted);
        return TypedResults.Ok(new { conversationId = conversation.Id, deliveries = new[] { delivery } });
    }

    private static async Task<IResult> SendMessageAsync(
        string objectId, string? tenant, InboxMessage message, HttpContext http, SandboxState state, BotChannel bot, TimeProvider time)
    {
        if (Find(objectId, tenant, state) is not ({ } known, { } persona))
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(message.Text))
        {
            return TypedResults.Problem("Le message est vide.", statusCode: 400);
        }

        if (!bot.IsConfigured)
        {
            return NoBot();
        }

        var botAppId = known.Apps[0].ClientId;
        if (!state.IsAppInstalled(known.TenantId, persona.ObjectId, botAppId))
        {
            return TypedResults.Problem("L'application n'est pas installée pour cette personne : installez-la d'abord.", statusCode: 409);
        }

        var conversation = state.GetOrCreateConversation(known.TenantId, botAppId, persona, out _);
        var context = Context(http, known, persona, botAppId, conversation.Id, time);
        var activity = TeamsActivities.Message(context, message.Text);
        var id = state.AppendActivity(conversation.Id, "user", activity, null)!;
        activity["id"] = id;
        var delivery = await bot.PostAsync(activity, botAppId, http.RequestAborted);
        return TypedResults.Ok(new { conversationId = conversation.Id, activityId = id, delivery });
    }

    private static async Task<IResult> InvokeAsync(
        string objectId, string? tenant, InboxInvoke invoke, HttpContext http, SandboxState state, BotChannel bot, TimeProvider time)
    {
        if (Find(objectId, tenant, state) is not ({ } known, { } persona))
        {
            return TypedResults.NotFound();
        }

        if (!bot.IsConfigured)
        {
            return NoBot();
        }

        var botAppId = known.Apps[0].ClientId;
        var conversation = state.ConversationsOf(known.TenantId, persona.ObjectId).FirstOrDefault(c => c.AppId == botAppId);
        var target = conversation?.Activities.FirstOrDefault(a => a.Id == invoke.ReplyToId && a.Sender == "bot");
        if (conversation is null || target is null)
        {
            return TypedResults.Problem("Aucune carte du bot avec cet identifiant dans cette conversation.", statusCode: 404);
        }

        if (string.IsNullOrWhiteSpace(invoke.Verb))
        {
            return TypedResults.Problem("Le verbe de l'action est requis.", statusCode: 400);
        }

        var context = Context(http, known, persona, botAppId, conversation.Id, time) with { ActivityId = NewId() };
        var delivery = await bot.PostAsync(TeamsActivities.Invoke(context, target.Id, invoke.Verb, invoke.Data), botAppId, http.RequestAborted);

        // Teams replaces the card for this user when the invoke response carries one.
        var cardReplaced = false;
        if (delivery.Status == 200
            && delivery.Body is JsonObject response
            && response["type"]?.GetValue<string>() == CardContentType
            && response["value"] is JsonObject card)
        {
            var updated = (JsonObject)target.Current.DeepClone();
            updated["attachments"] = new JsonArray(new JsonObject { ["contentType"] = CardContentType, ["content"] = card.DeepClone() });
            cardReplaced = state.UpdateActivity(conversation.Id, target.Id, updated);
        }

        return TypedResults.Ok(new { status = delivery.Status, body = delivery.Body, error = delivery.Error, cardReplaced });
    }

    private static IResult SetBlocked(string objectId, string? tenant, InboxBlock block, SandboxState state)
    {
        if (Find(objectId, tenant, state) is not ({ } known, { } persona))
        {
            return TypedResults.NotFound();
        }

        state.SetBlocked(known.TenantId, persona.ObjectId, block.Blocked);
        return TypedResults.Ok(new { objectId = persona.ObjectId, blocked = block.Blocked });
    }

    private static (SandboxTenant Tenant, DemoPersona Persona)? Find(string objectId, string? tenant, SandboxState state)
    {
        var known = state.FindTenant(tenant ?? DemoTenant.TenantId);
        var persona = known?.FindPersona(objectId);
        return known is null || persona is null ? null : (known, persona);
    }

    private static object PersonaView(DemoPersona persona, SandboxTenant tenant, string botAppId, SandboxState state) => new
    {
        objectId = persona.ObjectId,
        displayName = persona.DisplayName,
        role = persona.Role,
        jobTitle = persona.JobTitle,
        language = persona.PreferredLanguage,
        organisation = persona.OrganisationKey,
        userPrincipalName = persona.UserPrincipalName,
        teamsUserId = persona.TeamsUserId,
        installed = state.IsAppInstalled(tenant.TenantId, persona.ObjectId, botAppId),
        blocked = state.IsBlocked(tenant.TenantId, persona.ObjectId),
    };

    private static TeamsActivities.Context Context(
        HttpContext http, SandboxTenant tenant, DemoPersona persona, string botAppId, string conversationId, TimeProvider time) =>
        new(persona, tenant.TenantId, botAppId, conversationId, SandboxUrls.ServiceUrl(SandboxUrls.BaseFor(http.Request)), "", time.GetUtcNow());

    private static string NewId() => Guid.NewGuid().ToString();

    private static IResult NoBot() =>
        TypedResults.Problem("Le point de terminaison du bot n'est pas configuré (SandboxTenant:BotEndpoint).", statusCode: 409);

    /// <summary>A message the persona types.</summary>
    public sealed record InboxMessage(string? Text);

    /// <summary>A card button the persona presses (<c>Action.Execute</c>).</summary>
    public sealed record InboxInvoke(string? ReplyToId, string? Verb, JsonNode? Data);

    public sealed record InboxBlock(bool Blocked);
}
