using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.App.Graph;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Tests.Graph;

public sealed class GraphAuthenticationTests
{
    [Fact]
    public async Task AcceptsTokenOfTheSandboxTenantForGraph()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient(sandbox.IssueToken());

        using var response = await http.GetAsync("users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RejectsRequestWithoutToken()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient(null);

        using var response = await http.GetAsync("users");

        await AssertRefusedAsync(response, "Access token is empty.");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task RejectsTokenWithWrongAudience()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient(sandbox.IssueToken(audience: "https://api.botframework.com"));

        await AssertRefusedAsync(await http.GetAsync("users"), "Access token validation failure. Invalid audience.");
    }

    [Fact]
    public async Task RejectsTokenOfAnotherTenant()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient(sandbox.IssueToken(tenantId: DemoTenant.OtherTenantId));

        await AssertRefusedAsync(await http.GetAsync("users"), null);
    }

    [Fact]
    public async Task RejectsTokenSignedWithAnotherKey()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient(sandbox.IssueToken(key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "graph-test-key" }));

        await AssertRefusedAsync(await http.GetAsync("users"), "Access token validation failure.");
    }

    [Fact]
    public async Task RejectsExpiredToken()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient(sandbox.IssueToken(expires: DateTimeOffset.UtcNow.AddMinutes(-10)));

        await AssertRefusedAsync(await http.GetAsync("users"), "Lifetime validation failed, the token is expired.");
    }

    [Fact]
    public async Task RejectsMalformedToken()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient("not-a-jwt");

        await AssertRefusedAsync(await http.GetAsync("users"), null);
    }

    [Fact]
    public async Task GatewayReportsTransientGivenTheTokenEndpointRefusesTheApp()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway(new Dictionary<string, string?> { ["Tenant:ClientSecret"] = "wrong" });

        var error = await Assert.ThrowsAsync<GraphGatewayException>(() => gateway.People.ListUsersAsync(CancellationToken.None));

        Assert.Equal(GraphFailure.Transient, error.Kind);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string? message)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
            Assert.Equal("InvalidAuthenticationToken", (string?)error["code"]);
            if (message is not null)
            {
                Assert.Equal(message, (string?)error["message"]);
            }
        }
    }
}
