using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Sandbox;

/// <summary><c>POST {S}personas/synthetic</c>: fictitious people for load tests, known to the connector and the inbox until reset.</summary>
public sealed class SandboxSyntheticPersonasTests
{
    [Fact]
    public async Task OpensChatWithSyntheticPersonaUntilReset()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var connector = await sandbox.CreateConnectorClientAsync();
        var third = SyntheticPersonas.Create(3)[2];

        using (var unknown = await connector.PostAsJsonAsync("v3/conversations", SandboxConnectorTests.CreateBody(third)))
        {
            Assert.False(unknown.IsSuccessStatusCode);
        }

        using (var seeded = await sandbox.Http.PostAsJsonAsync("personas/synthetic", new { count = 3 }))
        {
            Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
            var personas = (await seeded.Content.ReadFromJsonAsync<JsonArray>())!;
            Assert.Equal(3, personas.Count);
            Assert.Equal("5e000000-0000-4000-8000-000000000003", personas[2]!["objectId"]!.GetValue<string>());
        }

        await SandboxConnectorTests.CreateConversationAsync(connector, third);
        var listed = await sandbox.Http.GetFromJsonAsync<JsonArray>("inbox/personas");
        Assert.Equal(DemoTenant.Personas.Count + 3, listed!.Count);

        (await sandbox.Http.PostAsync("reset", null)).Dispose();
        using var afterReset = await connector.PostAsJsonAsync("v3/conversations", SandboxConnectorTests.CreateBody(third));
        Assert.False(afterReset.IsSuccessStatusCode);
    }

    [Fact]
    public async Task MakesSyntheticPersonasGraphUsersThatAppsInstallForUntilReset()
    {
        await using var sandbox = await SandboxServer.StartAsync(o => o.Settings["SandboxTenant:PreinstallBot"] = "false");
        var token = await sandbox.GetAppTokenAsync("https://graph.microsoft.com/.default");
        using var graph = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl, "graph/v1.0/") };
        graph.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var second = SyntheticPersonas.Create(2)[1];
        var install = new JsonObject { ["teamsApp@odata.bind"] = $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{DemoTenant.BotAppId}" };
        using (var unknown = await graph.GetAsync($"users/{second.ObjectId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        (await sandbox.Http.PostAsJsonAsync("personas/synthetic", new { count = 2 })).Dispose();

        var user = await graph.GetFromJsonAsync<JsonObject>($"users/{second.ObjectId}");
        Assert.Equal("Personne synthétique 2", user!["displayName"]!.GetValue<string>());
        var byUpn = await graph.GetFromJsonAsync<JsonObject>($"users?$filter=userPrincipalName eq '{second.UserPrincipalName}'");
        Assert.Equal(second.ObjectId, Assert.Single(byUpn!["value"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(DemoTenant.Personas.Count + 2, (await graph.GetFromJsonAsync<JsonObject>("users?$top=999"))!["value"]!.AsArray().Count);
        using (var installed = await graph.PostAsJsonAsync($"users/{second.ObjectId}/teamwork/installedApps", install))
        {
            Assert.Equal(HttpStatusCode.Created, installed.StatusCode);
        }

        var inbox = await sandbox.Http.GetFromJsonAsync<JsonObject>($"inbox/{second.ObjectId}");
        Assert.True(inbox!["persona"]!["installed"]!.GetValue<bool>()); // the bot may now write to them

        (await sandbox.Http.PostAsync("reset", null)).Dispose();
        using var afterReset = await graph.GetAsync($"users/{second.ObjectId}");
        Assert.Equal(HttpStatusCode.NotFound, afterReset.StatusCode);
    }

    [Fact]
    public async Task RefusesNegativeCount()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var response = await sandbox.Http.PostAsJsonAsync("personas/synthetic", new { count = -1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
