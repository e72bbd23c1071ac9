using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Sandbox;

/// <summary>
/// The inbox refreshes a card as Teams does (Universal Actions, user-specific views): only for a persona named in
/// <c>refresh.userIds</c>, with an automatic <c>adaptiveCard/action</c> invoke carrying the refresh action.
/// </summary>
public sealed class SandboxInboxRefreshTests
{
    private static readonly DemoPersona Emma = DemoTenant.Personas.First(p => p.OrganisationKey == "youth");
    private static readonly DemoPersona Anne = DemoTenant.Personas.First(p => p.OrganisationKey == "school");

    [Fact]
    public async Task ShowsRefreshedCardToPersonaNamedInUserIdsWithoutChangingTheMessage()
    {
        var refreshes = 0;
        var bot = new FakeBotEndpoint
        {
            Respond = activity => activity["type"]!.GetValue<string>() == "invoke"
                ? Results.Json(new JsonObject
                {
                    ["statusCode"] = 200,
                    ["type"] = "application/vnd.microsoft.card.adaptive",
                    ["value"] = CardContent($"Vue à jour {Interlocked.Increment(ref refreshes)}", null),
                })
                : Results.Ok(),
        };
        await using var sandbox = await SandboxServer.StartAsync(bot.Attach);
        using var connector = await sandbox.CreateConnectorClientAsync();
        var conversationId = await SandboxConnectorTests.CreateConversationAsync(connector, Emma);
        using var sent = await connector.PostAsJsonAsync($"v3/conversations/{conversationId}/activities", Message(CardContent("Carte envoyée", [Anne.TeamsUserId, Emma.TeamsUserId])));
        var cardId = await SandboxConnectorTests.IdAsync(sent);

        var first = await ActivityAsync(sandbox, Emma, "");
        var invoke = Assert.Single(bot.Received).Activity;
        Assert.Equal("invoke", invoke["type"]!.GetValue<string>());
        Assert.Equal("adaptiveCard/action", invoke["name"]!.GetValue<string>());
        Assert.Equal(cardId, invoke["replyToId"]!.GetValue<string>());
        Assert.Equal("automatic", invoke["value"]!["trigger"]!.GetValue<string>());
        Assert.Equal("Action.Execute", invoke["value"]!["action"]!["type"]!.GetValue<string>());
        Assert.Equal("card.refresh", invoke["value"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("x-1", invoke["value"]!["action"]!["data"]!["id"]!.GetValue<string>());
        Assert.Equal(Emma.ObjectId, invoke["from"]!["aadObjectId"]!.GetValue<string>());
        Assert.True(first["refreshed"]!.GetValue<bool>());
        Assert.Equal("Vue à jour 1", SandboxConnectorTests.CardTitle(first));
        Assert.Equal("Carte envoyée", SandboxConnectorTests.CardTitle(first["activity"]!)); // the message itself is unchanged
        Assert.Single(first["versions"]!.AsArray());

        // A look without refreshing shows the last view; the next look refreshes again.
        Assert.Equal("Vue à jour 1", SandboxConnectorTests.CardTitle(await ActivityAsync(sandbox, Emma, "?refresh=false")));
        Assert.Single(bot.Received);
        Assert.Equal("Vue à jour 2", SandboxConnectorTests.CardTitle(await ActivityAsync(sandbox, Emma, "")));
        Assert.Equal(2, bot.Received.Count);
    }

    [Fact]
    public async Task ShowsCardAsSentToPersonaNotNamedOrWhenBotRefusesRefresh()
    {
        var bot = new FakeBotEndpoint
        {
            Respond = activity => activity["type"]!.GetValue<string>() == "invoke"
                ? Results.Json(new JsonObject { ["statusCode"] = 403, ["type"] = "application/vnd.microsoft.error", ["value"] = new JsonObject { ["message"] = "non" } }, statusCode: 403)
                : Results.Ok(),
        };
        await using var sandbox = await SandboxServer.StartAsync(bot.Attach);
        using var connector = await sandbox.CreateConnectorClientAsync();
        foreach (var (persona, userIds) in new[] { (Emma, new[] { Anne.TeamsUserId }), (Anne, new[] { Anne.TeamsUserId }) })
        {
            var conversationId = await SandboxConnectorTests.CreateConversationAsync(connector, persona);
            (await connector.PostAsJsonAsync($"v3/conversations/{conversationId}/activities", Message(CardContent("Carte envoyée", userIds)))).Dispose();
        }

        var emma = await ActivityAsync(sandbox, Emma, "");
        Assert.Empty(bot.Received); // Emma is not in userIds: no refresh
        Assert.False(emma["refreshed"]!.GetValue<bool>());
        Assert.Equal("Carte envoyée", SandboxConnectorTests.CardTitle(emma));

        var anne = await ActivityAsync(sandbox, Anne, "");
        Assert.Single(bot.Received); // Anne is: refreshed, refused, shown as sent
        Assert.False(anne["refreshed"]!.GetValue<bool>());
        Assert.Equal("Carte envoyée", SandboxConnectorTests.CardTitle(anne));
    }

    private static async Task<JsonObject> ActivityAsync(SandboxServer sandbox, DemoPersona persona, string query)
    {
        var inbox = await sandbox.Http.GetFromJsonAsync<JsonObject>($"inbox/{persona.ObjectId}{query}");
        return Assert.Single(inbox!["conversation"]!["activities"]!.AsArray())!.AsObject();
    }

    private static JsonObject Message(JsonObject card) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
    };

    private static JsonObject CardContent(string title, string[]? userIds)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = title }),
        };
        if (userIds is not null)
        {
            card["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "card.refresh", ["data"] = new JsonObject { ["id"] = "x-1" } },
                ["userIds"] = new JsonArray([.. userIds.Select(u => JsonValue.Create(u))]),
            };
        }

        return card;
    }
}
