using System.Net;
using System.Net.Http.Json;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Sandbox;

public sealed class SandboxRateLimitTests
{
    [Fact]
    public async Task ThrottlesEighthSendInOneSecondOnOneThreadAndResetsAsDocumented()
    {
        await using var sandbox = await SandboxServer.StartAsync(o => o.UseFakeClock());
        using var connector = await sandbox.CreateConnectorClientAsync();
        var conversationId = await SandboxConnectorTests.CreateConversationAsync(connector, DemoTenant.Personas[1]);
        var url = $"v3/conversations/{conversationId}/activities";

        var burst = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await connector.PostAsJsonAsync(url, SandboxConnectorTests.Card($"{i}"));
            burst.Add(response.StatusCode);
            if (i == 7)
            {
                await SandboxConnectorTests.AssertErrorAsync(response, HttpStatusCode.TooManyRequests, "Throttled");
                Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
            }
        }

        // After 1 s the 7-per-second window has room, but 8 per 2 s allows only one more.
        sandbox.Clock!.Advance(TimeSpan.FromSeconds(1));
        using var ninth = await connector.PostAsJsonAsync(url, SandboxConnectorTests.Card("9"));
        using var tenth = await connector.PostAsJsonAsync(url, SandboxConnectorTests.Card("10"));
        sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        using var afterTwoSeconds = await connector.PostAsJsonAsync(url, SandboxConnectorTests.Card("11"));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, 7).Append(HttpStatusCode.TooManyRequests), burst);
        Assert.Equal(HttpStatusCode.Created, ninth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, tenth.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterTwoSeconds.StatusCode);
    }

    [Fact]
    public async Task ThrottlesThreadAtSixtyPerThirtySeconds()
    {
        await using var sandbox = await SandboxServer.StartAsync(o => o.UseFakeClock());
        using var connector = await sandbox.CreateConnectorClientAsync();
        var conversationId = await SandboxConnectorTests.CreateConversationAsync(connector, DemoTenant.Personas[1]);
        var url = $"v3/conversations/{conversationId}/activities";

        // 4 sends every 1.1 s stay under 7/1 s and 8/2 s: the 61st in 30 s is refused.
        var accepted = 0;
        HttpResponseMessage? refused = null;
        while (refused is null && accepted < 100)
        {
            for (var i = 0; i < 4 && refused is null; i++)
            {
                var response = await connector.PostAsJsonAsync(url, SandboxConnectorTests.Card("x"));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    accepted++;
                    response.Dispose();
                }
                else
                {
                    refused = response;
                }
            }

            sandbox.Clock!.Advance(TimeSpan.FromMilliseconds(1100));
        }

        using (refused)
        {
            Assert.Equal(60, accepted);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused!.StatusCode);
            var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 30);
        }
    }

    [Fact]
    public async Task ThrottlesFiftyFirstRequestPerSecondAcrossThreadsOfTenant()
    {
        await using var sandbox = await SandboxServer.StartAsync(o => o.UseFakeClock());
        using var connector = await sandbox.CreateConnectorClientAsync();
        var conversations = new List<string>();
        foreach (var persona in DemoTenant.Personas)
        {
            conversations.Add(await SandboxConnectorTests.CreateConversationAsync(connector, persona));
        }

        sandbox.Clock!.Advance(TimeSpan.FromSeconds(1));
        var statuses = new List<HttpStatusCode>();
        for (var round = 0; round < 5; round++)
        {
            foreach (var conversationId in conversations)
            {
                using var response = await connector.PostAsJsonAsync($"v3/conversations/{conversationId}/activities", SandboxConnectorTests.Card("x"));
                statuses.Add(response.StatusCode);
            }
        }

        // 11 threads × 5 sends = 55 in the same instant: each thread stays under 7, the tenant allows 50.
        Assert.Equal(50, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.All(statuses.Skip(50), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task UsesConfiguredTenantLimit()
    {
        await using var sandbox = await SandboxServer.StartAsync(o =>
        {
            o.UseFakeClock();
            o.Settings["SandboxTenant:RateLimits:BotPerTenant"] = "3/1s";
        });
        using var connector = await sandbox.CreateConnectorClientAsync();

        var statuses = new List<HttpStatusCode>();
        foreach (var persona in DemoTenant.Personas.Take(4))
        {
            using var response = await connector.PostAsJsonAsync("v3/conversations", SandboxConnectorTests.CreateBody(persona));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task RefusesToStartWithMalformedRateWindow()
    {
        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            SandboxServer.StartAsync(o => o.Settings["SandboxTenant:RateLimits:BotSendPerThread"] = "7 per second"));

        Assert.Contains("BotSendPerThread", failure.Message);
    }
}
