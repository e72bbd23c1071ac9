using System.Net;
using System.Net.Http.Json;
using TeamsPrevention.Sandbox.Realism;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Sandbox;

public sealed class SandboxTrafficTests
{
    [Fact]
    public async Task RecordsConnectorCallsWithBodyStatusAndCaller()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var connector = await sandbox.CreateConnectorClientAsync();
        var conversationId = await SandboxConnectorTests.CreateConversationAsync(connector, DemoTenant.Personas[0]);
        using var sent = await connector.PostAsJsonAsync($"v3/conversations/{conversationId}/activities", SandboxConnectorTests.Card("Alerte"));

        var entries = await sandbox.Http.GetFromJsonAsync<List<TrafficEntry>>("traffic?pathPrefix=/sandbox/connector/");

        Assert.Equal(2, entries!.Count);
        var send = entries[1];
        Assert.Equal("POST", send.Method);
        Assert.Equal($"/sandbox/connector/v3/conversations/{conversationId}/activities", send.Path);
        Assert.Equal(201, send.Status);
        Assert.Equal(DemoTenant.TenantId, send.TenantId);
        Assert.Equal(DemoTenant.BotAppId, send.AppId);
        Assert.Contains("Alerte", send.Body);
        Assert.True(entries[0].Sequence < send.Sequence);
    }

    [Fact]
    public async Task RedactsClientSecretOfTokenRequests()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.GetAppTokenAsync("https://graph.microsoft.com/.default");

        var token = Assert.Single((await sandbox.Http.GetFromJsonAsync<List<TrafficEntry>>("traffic?pathPrefix=/sandbox/login"))!);

        Assert.Equal(200, token.Status);
        Assert.Equal(DemoTenant.BotAppId, token.AppId);
        Assert.Contains("client_secret=***", token.Body);
        Assert.DoesNotContain(DemoTenant.BotAppSecret, token.Body);
    }

    [Fact]
    public async Task ClearsLog()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var first = await sandbox.Http.GetAsync($"login/{DemoTenant.TenantId}/discovery/v2.0/keys");

        using var cleared = await sandbox.Http.DeleteAsync("traffic");
        var entries = await sandbox.Http.GetFromJsonAsync<List<TrafficEntry>>("traffic");

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(entries!);
    }

    [Fact]
    public async Task KeepsOnlyConfiguredNumberOfEntries()
    {
        await using var sandbox = await SandboxServer.StartAsync(o => o.Settings["SandboxTenant:TrafficCapacity"] = "3");
        for (var i = 0; i < 5; i++)
        {
            using var response = await sandbox.Http.GetAsync($"ping?n={i}");
        }

        var entries = await sandbox.Http.GetFromJsonAsync<List<TrafficEntry>>("traffic");

        Assert.Equal(["/sandbox/ping?n=2", "/sandbox/ping?n=3", "/sandbox/ping?n=4"], entries!.Select(e => e.Path));
    }

    [Fact]
    public async Task ResetForgetsConversationsAndTraffic()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var connector = await sandbox.CreateConnectorClientAsync();
        var before = await SandboxConnectorTests.CreateConversationAsync(connector, DemoTenant.Personas[0]);
        var resets = 0;
        sandbox.State.Resetting += () => resets++;

        using var reset = await sandbox.Http.PostAsync("reset", null);
        var traffic = await sandbox.Http.GetFromJsonAsync<List<TrafficEntry>>("traffic?pathPrefix=/sandbox/connector");
        var after = await SandboxConnectorTests.CreateConversationAsync(connector, DemoTenant.Personas[0]);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(1, resets);
        Assert.Empty(traffic!);
        Assert.NotEqual(before, after);
        Assert.Null(sandbox.State.FindConversation(before));
    }
}
