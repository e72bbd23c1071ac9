using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Graph;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Tests.Graph;

public sealed class GraphThrottlingTests
{
    private static readonly string TeamUrl = $"teams/{DemoTenant.CellTeamId}";

    [Fact]
    public async Task AnswersTooManyRequestsAboveFourPerSecondOnATeamUntilTheWindowMoves()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await GraphSandboxServer.StartAsync(time: time);
        using var http = sandbox.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            using var allowed = await http.GetAsync(TeamUrl);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await http.GetAsync(TeamUrl);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("TooManyRequests", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!["code"]);

        // Another team's resource or the directory is not this team's budget.
        using var users = await http.GetAsync("users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);

        time.Advance(TimeSpan.FromSeconds(1));
        using var again = await http.GetAsync(TeamUrl);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task CountsInASlidingWindow()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await GraphSandboxServer.StartAsync(time: time);
        using var http = sandbox.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync());
        Assert.Equal(HttpStatusCode.OK, await StatusAsync());
        time.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync());
        Assert.Equal(HttpStatusCode.OK, await StatusAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync());

        // At 1.0 s the first two leave the window, the two of 0.6 s stay: two more, not four.
        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync());
        Assert.Equal(HttpStatusCode.OK, await StatusAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync());

        async Task<HttpStatusCode> StatusAsync()
        {
            using var response = await http.GetAsync(TeamUrl);
            return response.StatusCode;
        }
    }

    [Fact]
    public async Task LimitsTheAppAcrossResourcesAsConfigured()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await GraphSandboxServer.StartAsync(new Dictionary<string, string?>
        {
            ["SandboxTenant:Graph:AppRequestsPerWindow"] = "3",
        }, time);
        using var http = sandbox.CreateClient();
        using var other = sandbox.CreateClient(sandbox.IssueToken(appId: Guid.NewGuid().ToString()));

        var statuses = new List<HttpStatusCode>();
        foreach (var url in new[] { "users", TeamUrl, $"users/{DemoTenant.Personas[0].ObjectId}", "users" })
        {
            using var response = await http.GetAsync(url);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var otherApp = await other.GetAsync("users");
        Assert.Equal(HttpStatusCode.OK, otherApp.StatusCode);
    }

    [Fact]
    public async Task GatewayReportsThrottledOnceTheSdkRetriesAreSpent()
    {
        // The sandbox's clock stands still, so every retry the SDK makes after Retry-After is refused again.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await GraphSandboxServer.StartAsync(new Dictionary<string, string?>
        {
            ["SandboxTenant:Graph:TeamRequestsPerWindow"] = "1",
        }, time);
        var gateway = sandbox.CreateGateway();
        await gateway.People.ListTeamMembersAsync(DemoTenant.CellTeamId, CancellationToken.None);

        var error = await Assert.ThrowsAsync<GraphGatewayException>(() =>
            gateway.People.ListTeamMembersAsync(DemoTenant.CellTeamId, CancellationToken.None));

        Assert.Equal(GraphFailure.Throttled, error.Kind);
        Assert.True(error.IsRetryable);
        Assert.Equal(429, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.IsType<AggregateException>(error.InnerException);
    }
}
