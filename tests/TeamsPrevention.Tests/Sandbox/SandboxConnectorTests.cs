using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Sandbox;

public sealed class SandboxConnectorTests
{
    private static readonly DemoPersona Referent = DemoTenant.Personas[2];
    private static readonly DemoPersona Partner = DemoTenant.Personas[4];

    [Fact]
    public async Task ReturnsSameConversationIdForSamePerson()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var connector = await sandbox.CreateConnectorClientAsync();

        using var first = await connector.PostAsJsonAsync("v3/conversations", CreateBody(Referent));
        using var second = await connector.PostAsJsonAsync("v3/conversations", CreateBody(Referent));
        using var other = await connector.PostAsJsonAsync("v3/conversations", CreateBody(Partner));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(second.IsSuccessStatusCode);
        var id = await IdAsync(first);
        Assert.StartsWith("a:", id);
        Assert.Equal(id, await IdAsync(second));
        Assert.NotEqual(id, await IdAsync(other));
    }

    [Fact]
    public async Task RefusesConversationWithTwoMembers()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var connector = await sandbox.CreateConnectorClientAsync();
        var body = CreateBody(Referent);
        body["members"]!.AsArray().Add(new JsonObject { ["id"] = Partner.TeamsUserId });

        using var response = await connector.PostAsJsonAsync("v3/conversations", body);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task RefusesConversationWithoutTenant()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var connector = await sandbox.CreateConnectorClientAsync();
        var body = CreateBody(Referent);
        body.Remove("tenantId");

        using var response = await connector.PostAsJsonAsync("v3/conversations", body);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task RefusesMemberUnknownInTenant()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var connector = await sandbox.CreateConnectorClientAsync();
        var body = CreateBody(Referent);
        body["members"] = new JsonArray(new JsonObject { ["id"] = DemoTenant.OtherPersonas[0].TeamsUserId });

        using var response = await connector.PostAsJsonAsync("v3/conversations", body);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task RefusesCallWithoutTokenOrWithGraphToken()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl, "connector/") };
        using var graph = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl, "connector/") };
        graph.DefaultRequestHeaders.Authorization = new("Bearer", await sandbox.GetAppTokenAsync("https://graph.microsoft.com/.default"));

        using var withoutToken = await anonymous.PostAsJsonAsync("v3/conversations", CreateBody(Referent));
        using var withGraphToken = await graph.PostAsJsonAsync("v3/conversations", CreateBody(Referent));

        await AssertErrorAsync(withoutToken, HttpStatusCode.Unauthorized, "Unauthorized");
        await AssertErrorAsync(withGraphToken, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task KeepsSentRepliedAndUpdatedActivitiesInPersonaInbox()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var connector = await sandbox.CreateConnectorClientAsync();
        var conversationId = await CreateConversationAsync(connector, Referent);

        using var sent = await connector.PostAsJsonAsync($"v3/conversations/{conversationId}/activities", Card("Nouvelle alerte"));
        var cardId = await IdAsync(sent);
        using var replied = await connector.PostAsJsonAsync($"v3/conversations/{conversationId}/activities/{cardId}", new JsonObject { ["type"] = "message", ["text"] = "Détails dans l'onglet." });
        using var updated = await connector.PutAsJsonAsync($"v3/conversations/{conversationId}/activities/{cardId}", Card("Alerte accusée"));
        var inbox = await sandbox.Http.GetFromJsonAsync<JsonObject>($"inbox/{Referent.ObjectId}");

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var activities = inbox!["conversation"]!["activities"]!.AsArray();
        Assert.Equal(2, activities.Count);
        var card = activities[0]!;
        Assert.Equal(cardId, card["id"]!.GetValue<string>());
        Assert.Equal("Alerte accusée", CardTitle(card["activity"]!));
        Assert.Equal(["Nouvelle alerte", "Alerte accusée"], card["versions"]!.AsArray().Select(v => CardTitle(v!)));
        Assert.Equal(cardId, activities[1]!["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task RefusesUpdateOfUnknownActivity()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var connector = await sandbox.CreateConnectorClientAsync();
        var conversationId = await CreateConversationAsync(connector, Referent);

        using var response = await connector.PutAsJsonAsync($"v3/conversations/{conversationId}/activities/123", Card("x"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnswersMessageWritesBlockedForPersonaWhoBlockedTheBot()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var connector = await sandbox.CreateConnectorClientAsync();
        var conversationId = await CreateConversationAsync(connector, Referent);
        using var block = await sandbox.Http.PutAsJsonAsync($"inbox/{Referent.ObjectId}/blocked", new { blocked = true });

        using var response = await connector.PostAsJsonAsync($"v3/conversations/{conversationId}/activities", Card("x"));

        Assert.Equal(HttpStatusCode.OK, block.StatusCode);
        var error = await AssertErrorAsync(response, HttpStatusCode.Forbidden, "ConversationBlockedByUser");
        Assert.Equal("MessageWritesBlocked", error["subCode"]!.GetValue<string>());
        Assert.Equal("User blocked the conversation with the bot.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task RefusesConversationOfAnotherTenantsBot()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var connector = await sandbox.CreateConnectorClientAsync();
        using var other = await sandbox.CreateConnectorClientAsync(DemoTenant.OtherTenantId, DemoTenant.OtherAppId, DemoTenant.OtherAppSecret);
        var conversationId = await CreateConversationAsync(connector, Referent);

        using var response = await other.PostAsJsonAsync($"v3/conversations/{conversationId}/activities", Card("x"));

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "BotNotInConversationRoster");
    }

    [Fact]
    public async Task ListsTheOnePersonInPagedMembers()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var connector = await sandbox.CreateConnectorClientAsync();
        var conversationId = await CreateConversationAsync(connector, Referent);

        var paged = await connector.GetFromJsonAsync<JsonObject>($"v3/conversations/{conversationId}/pagedmembers");
        var team = await connector.GetFromJsonAsync<JsonObject>($"v3/teams/{DemoTenant.CellTeamId}/conversations");

        var member = Assert.Single(paged!["members"]!.AsArray())!;
        Assert.Equal(Referent.TeamsUserId, member["id"]!.GetValue<string>());
        Assert.Equal(Referent.ObjectId, member["aadObjectId"]!.GetValue<string>());
        Assert.Single(team!["conversations"]!.AsArray());
    }

    internal static JsonObject CreateBody(DemoPersona persona) => new()
    {
        ["isGroup"] = false,
        ["bot"] = new JsonObject { ["id"] = $"28:{DemoTenant.BotAppId}" },
        ["members"] = new JsonArray(new JsonObject { ["id"] = persona.TeamsUserId }),
        ["tenantId"] = DemoTenant.TenantId,
    };

    internal static JsonObject Card(string title) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["content"] = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["version"] = "1.5",
                ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = title }),
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "OK", ["verb"] = "ack" }),
            },
        }),
    };

    internal static string CardTitle(JsonNode activity) =>
        activity["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>();

    internal static async Task<string> CreateConversationAsync(HttpClient connector, DemoPersona persona)
    {
        using var response = await connector.PostAsJsonAsync("v3/conversations", CreateBody(persona));
        response.EnsureSuccessStatusCode();
        return await IdAsync(response);
    }

    internal static async Task<string> IdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

    internal static async Task<JsonObject> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.AsObject();
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(error["message"]!.GetValue<string>()));
        return error;
    }
}
