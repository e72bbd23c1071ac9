using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Graph;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Tests.Graph;

public sealed class GraphBatchTests
{
    private static readonly string Team = DemoTenant.CellTeamId;
    private static readonly string Owner = DemoTenant.CellTeamMemberIds[1];
    private const string NotInTeam = "a1b2c3d4-0006-4000-8000-000000000006";

    [Fact]
    public async Task AnswersEachRequestOnItsOwnWithFailedDependency()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var channel = (await gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-BATCH", Owner, [], CancellationToken.None)).Channel;
        var members = $"teams/{Team}/channels/{Uri.EscapeDataString(channel.Id)}/members";

        var outcomes = await gateway.Batch.BatchAsync(
        [
            new GraphBatchStep("1", HttpMethod.Post, members, GraphChannelsTests.Member(NotInTeam, owner: false)),
            new GraphBatchStep("2", HttpMethod.Post, members, GraphChannelsTests.Member(DemoTenant.CellTeamMemberIds[2], owner: false), DependsOn: ["1"]),
            new GraphBatchStep("3", HttpMethod.Post, members, GraphChannelsTests.Member(DemoTenant.CellTeamMemberIds[3], owner: false)),
            new GraphBatchStep("4", HttpMethod.Get, members, DependsOn: ["3"]),
        ], CancellationToken.None);

        Assert.Equal([400, 424, 201, 200], outcomes.Select(o => o.Status).ToArray());
        Assert.Equal(GraphFailure.BadRequest, outcomes[0].Failure);
        Assert.Equal("FailedDependency", outcomes[1].GraphCode);
        Assert.Equal(2, outcomes[3].Body!["value"]!.AsArray().Count);
        var listed = await gateway.Channels.ListChannelMembersAsync(Team, channel.Id, CancellationToken.None);
        Assert.DoesNotContain(listed, m => m.UserId == DemoTenant.CellTeamMemberIds[2]);
    }

    [Fact]
    public async Task RefusesMoreThanTwentyRequests()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient();
        var requests = new JsonArray([.. Enumerable.Range(1, 21).Select(i => (JsonNode)new JsonObject { ["id"] = $"{i}", ["method"] = "GET", ["url"] = "/users" })]);

        using var response = await http.PostAsJsonAsync("$batch", new JsonObject { ["requests"] = requests });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequest", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]);
    }

    [Fact]
    public async Task ThrottlesEachRequestOfTheBatchOnItsOwn()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await GraphSandboxServer.StartAsync(time: time);
        using var http = sandbox.CreateClient();
        var requests = new JsonArray([.. Enumerable.Range(1, 6).Select(i => (JsonNode)new JsonObject { ["id"] = $"{i}", ["method"] = "GET", ["url"] = $"/teams/{Team}" })]);

        using var response = await http.PostAsJsonAsync("$batch", new JsonObject { ["requests"] = requests });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var responses = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["responses"]!.AsArray();
        Assert.Equal([200, 200, 200, 200, 429, 429], responses.Select(r => (int)r!["status"]!).ToArray());
        Assert.Equal("1", (string?)responses[4]!["headers"]!["Retry-After"]);
        Assert.Equal("TooManyRequests", (string?)responses[4]!["body"]!["error"]!["code"]);
    }

    [Fact]
    public async Task SendsThrottledStepsAgainAfterRetryAfter()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync(new Dictionary<string, string?>
        {
            ["SandboxTenant:Graph:TeamRequestsPerWindow"] = "2",
        });
        var gateway = sandbox.CreateGateway();

        var outcomes = await gateway.Batch.BatchAsync(
            [.. Enumerable.Range(1, 5).Select(i => new GraphBatchStep($"{i}", HttpMethod.Get, $"teams/{Team}"))], CancellationToken.None);

        Assert.All(outcomes, o => Assert.Equal(200, o.Status));
    }
}
