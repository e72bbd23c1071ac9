using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Realism;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Sandbox;

public sealed class SandboxFaultTests
{
    private static readonly string Discovery = $"login/{DemoTenant.TenantId}/v2.0/.well-known/openid-configuration";

    [Fact]
    public async Task InjectsFaultsAtConfiguredRateWithSeededRandom()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var settings = new FaultSettings
        {
            Seed = 42,
            Rules = [new FaultRule { Method = "GET", Path = "login/*/v2.0/**", Fault = "status", Status = 503, Rate = 0.2 }],
        };
        using var put = await sandbox.Http.PutAsJsonAsync("faults", settings);

        var first = await RunAsync(sandbox, 500);
        using var again = await sandbox.Http.PutAsJsonAsync("faults", settings);
        var second = await RunAsync(sandbox, 500);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.InRange(first.Count(s => s == HttpStatusCode.ServiceUnavailable), 80, 120);
        Assert.All(first, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task DoesNotTouchRequestsOutsideRulePattern()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var put = await sandbox.Http.PutAsJsonAsync("faults", new FaultSettings { Rules = [new FaultRule { Path = "connector/**", Status = 500 }] });

        using var response = await sandbox.Http.GetAsync(Discovery);
        var current = await sandbox.Http.GetFromJsonAsync<JsonObject>("faults");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("connector/**", current!["rules"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnswersThrottledFaultWithRetryAfterAndRecordsIt()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var put = await sandbox.Http.PutAsJsonAsync("faults", new FaultSettings { Rules = [new FaultRule { Path = "login/**", Status = 429, RetryAfterSeconds = 3 }] });

        using var response = await sandbox.Http.GetAsync(Discovery);
        var traffic = await sandbox.Http.GetFromJsonAsync<List<TrafficEntry>>("traffic?pathPrefix=/sandbox/login");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("3", response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("status:429", Assert.Single(traffic!).Fault);
    }

    [Fact]
    public async Task DropsConnection()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var put = await sandbox.Http.PutAsJsonAsync("faults", new FaultSettings { Rules = [new FaultRule { Path = "login/**", Fault = "drop" }] });

        await Assert.ThrowsAsync<HttpRequestException>(() => sandbox.Http.GetAsync(Discovery));
    }

    [Fact]
    public async Task HangsUntilClientGivesUpOnTimeout()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var put = await sandbox.Http.PutAsJsonAsync("faults", new FaultSettings { Rules = [new FaultRule { Path = "login/**", Fault = "timeout" }] });
        using var client = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = TimeSpan.FromMilliseconds(500) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync(Discovery));
    }

    [Fact]
    public async Task AddsLatencyWithoutFault()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var put = await sandbox.Http.PutAsJsonAsync("faults", new FaultSettings { Rules = [new FaultRule { Path = "login/**", Fault = "none", LatencyMs = 300 }] });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await sandbox.Http.GetAsync(Discovery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.ElapsedMilliseconds >= 300);
    }

    [Fact]
    public async Task RefusesInvalidRuleAndClearsRules()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var invalid = await sandbox.Http.PutAsJsonAsync("faults", new FaultSettings { Rules = [new FaultRule { Rate = 1.5 }] });
        using var valid = await sandbox.Http.PutAsJsonAsync("faults", new FaultSettings { Rules = [new FaultRule { Path = "login/**" }] });
        using var cleared = await sandbox.Http.DeleteAsync("faults");
        using var response = await sandbox.Http.GetAsync(Discovery);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<List<HttpStatusCode>> RunAsync(SandboxServer sandbox, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await sandbox.Http.GetAsync(Discovery);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
