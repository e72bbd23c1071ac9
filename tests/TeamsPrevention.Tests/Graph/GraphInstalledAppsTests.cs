using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Tests.Graph;

public sealed class GraphInstalledAppsTests
{
    private const string AppId = "5b6f2d1e-8c3a-4f7b-9e0d-1a2b3c4d5e6f";

    [Fact]
    public async Task InstallsOnceThenReportsAlreadyInstalled()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var user = DemoTenant.Personas[4].ObjectId;

        Assert.True(await gateway.Installation.InstallAppForUserAsync(user, AppId, CancellationToken.None));
        Assert.False(await gateway.Installation.InstallAppForUserAsync(user, AppId, CancellationToken.None));

        using var http = sandbox.CreateClient();
        var installed = JsonNode.Parse(await http.GetStringAsync($"users/{user}/teamwork/installedApps?$expand=teamsApp"))!["value"]!.AsArray();
        Assert.Equal(AppId, (string?)Assert.Single(installed)!["teamsApp"]!["id"]);
    }

    [Fact]
    public async Task AnswersConflictGivenAppAlreadyInstalled()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient();
        var user = DemoTenant.Personas[5].UserPrincipalName;
        var body = new JsonObject { ["teamsApp@odata.bind"] = $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{AppId}" };

        using var first = await http.PostAsJsonAsync($"users/{user}/teamwork/installedApps", body);
        using var second = await http.PostAsJsonAsync($"users/{user}/teamwork/installedApps", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Conflict", (string?)JsonNode.Parse(await second.Content.ReadAsStringAsync())!["error"]!["code"]);
    }
}
