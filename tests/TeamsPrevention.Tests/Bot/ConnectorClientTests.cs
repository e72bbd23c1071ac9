using System.Net;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Bot;

namespace TeamsPrevention.Tests.Bot;

/// <summary>The outbound Bot Connector client, from the App's own services, against a recording connector over HTTP.</summary>
public sealed class ConnectorClientTests
{
    private const string Conversation = "a:1personal-chat";
    private const string Blocked = """{"error":{"code":"Forbidden","message":"Thread is disabled","subCode":"MessageWritesBlocked"}}""";

    [Fact]
    public async Task RetriesAfterTheRetryAfterDelayGiven429()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Connector.Enqueue(429, retryAfter: "1");

        var id = await SendAsync(bot);

        Assert.Equal("activity-1", id);
        var requests = bot.Connector.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950), $"waited {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task RetriesAfterTheRetryAfterDateGiven429()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Connector.Enqueue(429, retryAfter: DateTimeOffset.UtcNow.AddSeconds(2).ToString("R"));

        await SendAsync(bot);

        var requests = bot.Connector.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"waited {requests[1].At - requests[0].At}");
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task RetriesTransientFailures(int status)
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Connector.Enqueue(status);
        bot.Connector.Enqueue(status);

        var id = await SendAsync(bot);

        Assert.Equal("activity-1", id);
        Assert.Equal(3, bot.Connector.Requests.Count);
    }

    [Fact]
    public async Task RetriesAttemptThatTimesOut()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Bot:Connector:AttemptTimeout"] = "00:00:00.500" });
        bot.Connector.Enqueue(200, """{"id":"late"}""", delay: TimeSpan.FromSeconds(5));

        var id = await SendAsync(bot);

        Assert.Equal("activity-1", id);
        Assert.Equal(2, bot.Connector.Requests.Count);
    }

    [Fact]
    public async Task GivesUpAsUnavailableAfterMaxAttempts()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Bot:Connector:MaxAttempts"] = "3" });
        for (var i = 0; i < 5; i++)
        {
            bot.Connector.Enqueue(503);
        }

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => SendAsync(bot));

        Assert.Equal(ConnectorFailure.Unavailable, failure.Failure);
        Assert.False(failure.IsFinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Equal(3, bot.Connector.Requests.Count);
    }

    [Fact]
    public async Task ReportsThrottledWithoutWaitingGivenRetryAfterBeyondTheMaximum()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Connector.Enqueue(429, retryAfter: "120");

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => SendAsync(bot));

        Assert.Equal(ConnectorFailure.Throttled, failure.Failure);
        Assert.Equal(TimeSpan.FromSeconds(120), failure.RetryAfter);
        Assert.Single(bot.Connector.Requests);
    }

    [Fact]
    public async Task ReportsMessageWritesBlockedWithoutRetrying()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Connector.Enqueue(403, Blocked);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => SendAsync(bot));

        Assert.Equal(ConnectorFailure.MessageWritesBlocked, failure.Failure);
        Assert.True(failure.IsFinal);
        Assert.Single(bot.Connector.Requests);
    }

    [Fact]
    public async Task ReportsRejectedWithoutRetryingGiven404()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Connector.Enqueue(404, """{"error":{"code":"ConversationNotFound"}}""");

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => SendAsync(bot));

        Assert.Equal(ConnectorFailure.Rejected, failure.Failure);
        Assert.Single(bot.Connector.Requests);
    }

    [Fact]
    public async Task CreatesPersonalConversationWithOneMemberAndTheTenant()
    {
        await using var bot = await BotHarness.StartAsync();

        var id = await bot.WithServiceAsync<ConnectorClient, string>(c =>
            c.CreateConversationAsync(new Uri(bot.Connector.ServiceUrl), "29:person", CancellationToken.None));

        Assert.Equal("a:conversation-1", id);
        var request = Assert.Single(bot.Connector.Requests);
        Assert.Equal(("POST", "/v3/conversations"), (request.Method, request.Path));
        var body = request.Json!;
        Assert.False((bool)body["isGroup"]!);
        Assert.Equal(BotHarness.BotId, (string?)body["bot"]?["id"]);
        Assert.Equal("29:person", (string?)Assert.Single(body["members"]!.AsArray())!["id"]);
        Assert.Equal(bot.TenantId, (string?)body["tenantId"]);
        Assert.StartsWith("Bearer test-access-token-", request.Authorization);
    }

    [Fact]
    public async Task UpdatesAnActivityWithPut()
    {
        await using var bot = await BotHarness.StartAsync();
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" };

        var id = await bot.WithServiceAsync<ConnectorClient, string>(c =>
            c.UpdateAsync(new Uri(bot.Connector.ServiceUrl), Conversation, "1234", Activity.Card(card), CancellationToken.None));

        Assert.Equal("1234", id);
        var request = Assert.Single(bot.Connector.Requests);
        Assert.Equal(("PUT", $"/v3/conversations/{Conversation}/activities/1234"), (request.Method, request.Path));
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)request.Json!["attachments"]?[0]?["contentType"]);
    }

    [Fact]
    public async Task ReadsAPageOfMembers()
    {
        await using var bot = await BotHarness.StartAsync();

        var page = await bot.WithServiceAsync<ConnectorClient, PagedMembersResult>(c =>
            c.GetPagedMembersAsync(new Uri(bot.Connector.ServiceUrl), Conversation, 50, null, CancellationToken.None));

        var member = Assert.Single(page.Members);
        Assert.Equal("member-1-oid", member.AadObjectId);
        Assert.Equal($"/v3/conversations/{Conversation}/pagedmembers", Assert.Single(bot.Connector.Requests).Path);
    }

    private static Task<string> SendAsync(BotHarness bot) =>
        bot.WithServiceAsync<ConnectorClient, string>(c =>
            c.SendAsync(new Uri(bot.Connector.ServiceUrl), Conversation, Activity.Message("test"), CancellationToken.None));
}
