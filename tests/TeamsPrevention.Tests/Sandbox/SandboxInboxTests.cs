using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Sandbox;

public sealed class SandboxInboxTests
{
    private static readonly DemoPersona Partner = DemoTenant.Personas[6];

    [Fact]
    public async Task ListsPersonasWithRoleAndLanguage()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var personas = await sandbox.Http.GetFromJsonAsync<JsonArray>("inbox/personas");

        Assert.Equal(DemoTenant.Personas.Count, personas!.Count);
        var emma = personas.Single(p => p!["objectId"]!.GetValue<string>() == Partner.ObjectId)!;
        Assert.Equal("Emma Wilson", emma["displayName"]!.GetValue<string>());
        Assert.Equal("Partner", emma["role"]!.GetValue<string>());
        Assert.Equal("en-GB", emma["language"]!.GetValue<string>());
        Assert.True(emma["installed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PostsMessageToBotWithValidBotFrameworkToken()
    {
        var bot = new FakeBotEndpoint();
        await using var sandbox = await SandboxServer.StartAsync(bot.Attach);

        using var response = await sandbox.Http.PostAsJsonAsync($"inbox/{Partner.ObjectId}/messages", new { text = "bonjour" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(bot.Received);
        var activity = received.Activity;
        Assert.Equal("message", activity["type"]!.GetValue<string>());
        Assert.Equal("bonjour", activity["text"]!.GetValue<string>());
        Assert.Equal("msteams", activity["channelId"]!.GetValue<string>());
        Assert.Equal("personal", activity["conversation"]!["conversationType"]!.GetValue<string>());
        Assert.Equal(DemoTenant.TenantId, activity["conversation"]!["tenantId"]!.GetValue<string>());
        Assert.Equal(Partner.TeamsUserId, activity["from"]!["id"]!.GetValue<string>());
        Assert.Equal(Partner.ObjectId, activity["from"]!["aadObjectId"]!.GetValue<string>());
        Assert.Equal($"28:{DemoTenant.BotAppId}", activity["recipient"]!["id"]!.GetValue<string>());
        var serviceUrl = activity["serviceUrl"]!.GetValue<string>();
        Assert.Equal($"{sandbox.BaseUrl}connector/", serviceUrl);

        var result = await ValidateBotFrameworkTokenAsync(sandbox, received.Token);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(serviceUrl, result.Claims["serviceurl"]);
        Assert.Equal(serviceUrl, result.Claims["serviceUrl"]);
    }

    [Fact]
    public async Task RejectsBotFrameworkTokenAgainstTenantKeys()
    {
        var bot = new FakeBotEndpoint();
        await using var sandbox = await SandboxServer.StartAsync(bot.Attach);
        using var response = await sandbox.Http.PostAsJsonAsync($"inbox/{Partner.ObjectId}/messages", new { text = "bonjour" });
        var jwks = await sandbox.Http.GetStringAsync($"login/{DemoTenant.TenantId}/discovery/v2.0/keys");

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(Assert.Single(bot.Received).Token, new TokenValidationParameters
        {
            ValidIssuer = "https://api.botframework.com",
            ValidAudience = DemoTenant.BotAppId,
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
        });

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task SendsInstallationAndConversationUpdateOnInstall()
    {
        var bot = new FakeBotEndpoint();
        await using var sandbox = await SandboxServer.StartAsync(bot.Attach);

        using var response = await sandbox.Http.PostAsync($"inbox/{Partner.ObjectId}/install", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = bot.Received.Select(r => r.Activity).ToList();
        Assert.Equal(["installationUpdate", "conversationUpdate"], received.Select(a => a["type"]!.GetValue<string>()));
        Assert.Equal("add", received[0]["action"]!.GetValue<string>());
        var conversationId = received[0]["conversation"]!["id"]!.GetValue<string>();
        Assert.Equal(conversationId, received[1]["conversation"]!["id"]!.GetValue<string>());
        Assert.Contains(received[1]["membersAdded"]!.AsArray(), m => m!["id"]!.GetValue<string>() == Partner.TeamsUserId);
    }

    [Fact]
    public async Task RefusesMessageFromPersonaWithoutTheApp()
    {
        var bot = new FakeBotEndpoint();
        await using var sandbox = await SandboxServer.StartAsync(o =>
        {
            bot.Attach(o);
            o.Settings["SandboxTenant:PreinstallBot"] = "false";
        });

        using var response = await sandbox.Http.PostAsJsonAsync($"inbox/{Partner.ObjectId}/messages", new { text = "bonjour" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(bot.Received);
    }

    [Fact]
    public async Task ReplacesCardWhenInvokeResponseCarriesOne()
    {
        var bot = new FakeBotEndpoint
        {
            Respond = activity => activity["type"]!.GetValue<string>() == "invoke"
                ? Results.Json(new JsonObject
                {
                    ["statusCode"] = 200,
                    ["type"] = "application/vnd.microsoft.card.adaptive",
                    ["value"] = SandboxConnectorTests.Card("Accusé de réception enregistré")["attachments"]![0]!["content"]!.DeepClone(),
                })
                : Results.Ok(),
        };
        await using var sandbox = await SandboxServer.StartAsync(bot.Attach);
        using var connector = await sandbox.CreateConnectorClientAsync();
        var conversationId = await SandboxConnectorTests.CreateConversationAsync(connector, Partner);
        using var sent = await connector.PostAsJsonAsync($"v3/conversations/{conversationId}/activities", SandboxConnectorTests.Card("Nouvelle alerte"));
        var cardId = await SandboxConnectorTests.IdAsync(sent);

        using var response = await sandbox.Http.PostAsJsonAsync($"inbox/{Partner.ObjectId}/invoke", new { replyToId = cardId, verb = "ack", data = new { alertId = 12 } });
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        var inbox = await sandbox.Http.GetFromJsonAsync<JsonObject>($"inbox/{Partner.ObjectId}");

        var invoke = Assert.Single(bot.Received).Activity;
        Assert.Equal("adaptiveCard/action", invoke["name"]!.GetValue<string>());
        Assert.Equal(cardId, invoke["replyToId"]!.GetValue<string>());
        Assert.Equal("Action.Execute", invoke["value"]!["action"]!["type"]!.GetValue<string>());
        Assert.Equal("ack", invoke["value"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal(12, invoke["value"]!["action"]!["data"]!["alertId"]!.GetValue<int>());
        Assert.True(result!["cardReplaced"]!.GetValue<bool>());
        var card = Assert.Single(inbox!["conversation"]!["activities"]!.AsArray())!;
        Assert.Equal("Accusé de réception enregistré", SandboxConnectorTests.CardTitle(card["activity"]!));
        Assert.Equal(2, card["versions"]!.AsArray().Count);
    }

    [Fact]
    public async Task KeepsCardWhenInvokeAnswersText()
    {
        var bot = new FakeBotEndpoint
        {
            Respond = _ => Results.Json(new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = "Merci" }),
        };
        await using var sandbox = await SandboxServer.StartAsync(bot.Attach);
        using var connector = await sandbox.CreateConnectorClientAsync();
        var conversationId = await SandboxConnectorTests.CreateConversationAsync(connector, Partner);
        using var sent = await connector.PostAsJsonAsync($"v3/conversations/{conversationId}/activities", SandboxConnectorTests.Card("Nouvelle alerte"));
        var cardId = await SandboxConnectorTests.IdAsync(sent);

        using var response = await sandbox.Http.PostAsJsonAsync($"inbox/{Partner.ObjectId}/invoke", new { replyToId = cardId, verb = "ack" });
        var inbox = await sandbox.Http.GetFromJsonAsync<JsonObject>($"inbox/{Partner.ObjectId}");

        Assert.False((await response.Content.ReadFromJsonAsync<JsonObject>())!["cardReplaced"]!.GetValue<bool>());
        Assert.Equal("Nouvelle alerte", SandboxConnectorTests.CardTitle(inbox!["conversation"]!["activities"]![0]!["activity"]!));
    }

    internal static async Task<TokenValidationResult> ValidateBotFrameworkTokenAsync(SandboxServer sandbox, string token)
    {
        var metadata = await sandbox.Http.GetFromJsonAsync<JsonObject>("botframework/v1/.well-known/openidconfiguration");
        var jwks = await sandbox.Http.GetStringAsync(metadata!["jwks_uri"]!.GetValue<string>());
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = metadata["issuer"]!.GetValue<string>(),
            ValidAudience = DemoTenant.BotAppId,
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
            ClockSkew = TimeSpan.FromMinutes(5),
        });
    }
}
