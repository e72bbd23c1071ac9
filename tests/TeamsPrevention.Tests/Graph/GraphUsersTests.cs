using System.Net;
using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Tests.Graph;

public sealed class GraphUsersTests
{
    [Fact]
    public async Task ListsEveryPersonaOfTheDemoTenant()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();

        var users = await gateway.People.ListUsersAsync(CancellationToken.None);

        Assert.Equal(DemoTenant.Personas.Select(p => p.ObjectId).Order(), users.Select(u => u.Id).Order());
        var claire = Assert.Single(users, u => u.Id == DemoTenant.Personas[0].ObjectId);
        Assert.Equal("claire.dubois@namur-demo.example", claire.UserPrincipalName);
        Assert.Equal("fr-BE", claire.PreferredLanguage);
    }

    [Fact]
    public async Task GetsUserByPrincipalName()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();

        var user = await gateway.People.GetUserAsync("jan.peeters@namur-demo.example", CancellationToken.None);

        Assert.NotNull(user);
        Assert.Equal("a1b2c3d4-0004-4000-8000-000000000004", user.Id);
        Assert.Equal("nl-BE", user.PreferredLanguage);
    }

    [Fact]
    public async Task ReturnsNullGivenUnknownUser()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();

        Assert.Null(await gateway.People.GetUserAsync("nobody@namur-demo.example", CancellationToken.None));
    }

    [Fact]
    public async Task AnswersDirectoryErrorBodyGivenUnknownUser()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient();
        http.DefaultRequestHeaders.Add("client-request-id", "abc-123");

        using var response = await http.GetAsync("users/00000000-0000-0000-0000-000000000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("Request_ResourceNotFound", (string?)error["code"]);
        Assert.Equal("abc-123", (string?)error["innerError"]!["client-request-id"]);
        Assert.False(string.IsNullOrEmpty((string?)error["innerError"]!["request-id"]));
        Assert.False(string.IsNullOrEmpty((string?)error["innerError"]!["date"]));
    }

    [Fact]
    public async Task FiltersUsersByPrincipalName()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient();

        var body = JsonNode.Parse(await http.GetStringAsync("users?$filter=userPrincipalName eq 'emma.wilson@namur-demo.example'"))!;

        var only = Assert.Single(body["value"]!.AsArray());
        Assert.Equal("Emma Wilson", (string?)only!["displayName"]);
    }
}
