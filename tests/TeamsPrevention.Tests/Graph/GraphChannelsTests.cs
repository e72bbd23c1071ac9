using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Graph;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Tests.Graph;

public sealed class GraphChannelsTests
{
    private static readonly string Team = DemoTenant.CellTeamId;
    private static readonly string Owner = DemoTenant.CellTeamMemberIds[1];
    private static readonly string[] Others = [.. DemoTenant.CellTeamMemberIds.Skip(2).Take(3)];
    private const string NotInTeam = "a1b2c3d4-0007-4000-8000-000000000007";

    [Fact]
    public async Task CreatesPrivateChannelWithItsOwnerAndMembers()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();

        var created = await gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-7K2Q", Owner, Others, CancellationToken.None);

        Assert.Equal(ChannelKind.Private, created.Channel.Kind);
        Assert.Empty(created.MembersNotAdded);
        var members = await gateway.Channels.ListChannelMembersAsync(Team, created.Channel.Id, CancellationToken.None);
        Assert.Equal([Owner, .. Others], members.Select(m => m.UserId).ToArray());
        Assert.True(members.Single(m => m.UserId == Owner).IsOwner);
        Assert.Equal(created.Channel, await gateway.Channels.GetChannelAsync(Team, created.Channel.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AddsMembersBeyondTheCreateLimitByBatches()
    {
        // Graph's limit of 200 members in the creating request, scaled down to 3 on both sides.
        await using var sandbox = await GraphSandboxServer.StartAsync(new Dictionary<string, string?>
        {
            ["SandboxTenant:Graph:MaxMembersInChannelCreate"] = "3",
        });
        var gateway = sandbox.CreateGateway(new Dictionary<string, string?> { ["Graph:MaxMembersInChannelCreate"] = "3" });
        var everyone = DemoTenant.CellTeamMemberIds.Where(id => id != Owner).ToList();

        var created = await gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-MANY", Owner, everyone, CancellationToken.None);

        Assert.Empty(created.MembersNotAdded);
        var members = await gateway.Channels.ListChannelMembersAsync(Team, created.Channel.Id, CancellationToken.None);
        Assert.Equal(DemoTenant.CellTeamMemberIds.Order(), members.Select(m => m.UserId).Order());
    }

    [Fact]
    public async Task RefusesMoreMembersThanTheCreateLimit()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient();
        var members = new JsonArray([.. Enumerable.Range(0, 201).Select(i => (JsonNode)Member(DemoTenant.CellTeamMemberIds[i % 7], i == 0))]);

        using var response = await http.PostAsJsonAsync($"teams/{Team}/channels",
            new JsonObject { ["displayName"] = "SIT-201", ["membershipType"] = "private", ["members"] = members });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("maximum of 200 members", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesPrivateChannelWithoutOwnerInApplicationContext()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient();

        using var response = await http.PostAsJsonAsync($"teams/{Team}/channels", new JsonObject
        {
            ["displayName"] = "SIT-NOOWNER",
            ["membershipType"] = "private",
            ["members"] = new JsonArray(Member(Owner, owner: false)),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequest", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]);
    }

    [Fact]
    public async Task RaisesNameTakenGivenSameNameInAnotherCase()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        await gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-ABCD", Owner, [], CancellationToken.None);

        var error = await Assert.ThrowsAsync<GraphGatewayException>(() =>
            gateway.Channels.CreatePrivateChannelAsync(Team, "sit-abcd", Owner, [], CancellationToken.None));

        Assert.Equal(GraphFailure.NameTaken, error.Kind);
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task RaisesNameTakenGivenNameOfADeletedChannel()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var first = await gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-GONE", Owner, [], CancellationToken.None);
        await gateway.Channels.DeleteChannelAsync(Team, first.Channel.Id, CancellationToken.None);

        var error = await Assert.ThrowsAsync<GraphGatewayException>(() =>
            gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-GONE", Owner, [], CancellationToken.None));

        Assert.Equal(GraphFailure.NameTaken, error.Kind);
    }

    [Fact]
    public async Task AnswersGraphErrorBodyGivenDuplicateName()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient();

        using var response = await http.PostAsJsonAsync($"teams/{Team}/channels", new JsonObject { ["displayName"] = "general" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("BadRequest", (string?)error["code"]);
        Assert.Equal("Channel name already existed, please use other name.", (string?)error["message"]);
    }

    [Fact]
    public async Task RaisesBadRequestGivenNameLongerThanFiftyCharacters()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();

        var error = await Assert.ThrowsAsync<GraphGatewayException>(() =>
            gateway.Channels.CreatePrivateChannelAsync(Team, new string('x', 51), Owner, [], CancellationToken.None));

        Assert.Equal(GraphFailure.BadRequest, error.Kind);
        Assert.NotNull(await gateway.Channels.CreatePrivateChannelAsync(Team, new string('x', 50), Owner, [], CancellationToken.None));
    }

    [Fact]
    public async Task RaisesBadRequestGivenMemberNotInTheTeam()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();

        var error = await Assert.ThrowsAsync<GraphGatewayException>(() =>
            gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-OUT", Owner, [NotInTeam], CancellationToken.None));

        Assert.Equal(GraphFailure.BadRequest, error.Kind);
        Assert.Null(await gateway.Channels.FindChannelByNameAsync(Team, "SIT-OUT", CancellationToken.None));
    }

    [Fact]
    public async Task FindsRenamesAndDeletesAChannel()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var created = (await gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-OLD", Owner, [], CancellationToken.None)).Channel;

        Assert.Equal(created.Id, (await gateway.Channels.FindChannelByNameAsync(Team, "sit-old", CancellationToken.None))?.Id);

        await gateway.Channels.RenameChannelAsync(Team, created.Id, "SIT-RENAMED", CancellationToken.None);
        Assert.Null(await gateway.Channels.FindChannelByNameAsync(Team, "SIT-OLD", CancellationToken.None));
        Assert.Equal("SIT-RENAMED", (await gateway.Channels.GetChannelAsync(Team, created.Id, CancellationToken.None))?.DisplayName);

        await gateway.Channels.DeleteChannelAsync(Team, created.Id, CancellationToken.None);
        Assert.Null(await gateway.Channels.GetChannelAsync(Team, created.Id, CancellationToken.None));
        Assert.Null(await gateway.Channels.FindChannelByNameAsync(Team, "SIT-RENAMED", CancellationToken.None));
    }

    [Fact]
    public async Task RaisesNameTakenGivenRenameToAnExistingName()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        await gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-ONE", Owner, [], CancellationToken.None);
        var two = (await gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-TWO", Owner, [], CancellationToken.None)).Channel;

        var error = await Assert.ThrowsAsync<GraphGatewayException>(() =>
            gateway.Channels.RenameChannelAsync(Team, two.Id, "Sit-One", CancellationToken.None));

        Assert.Equal(GraphFailure.NameTaken, error.Kind);
    }

    [Fact]
    public async Task CreatesSharedChannelOnceItsOperationSucceeds()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync(new Dictionary<string, string?>
        {
            ["SandboxTenant:Graph:SharedChannelProvisioningDelay"] = "00:00:00.300",
        });
        var gateway = sandbox.CreateGateway();

        var channel = await gateway.Channels.CreateSharedChannelAsync(Team, "PLATEFORME-PARTENAIRES", Owner, CancellationToken.None);

        Assert.Equal(ChannelKind.Shared, channel.Kind);
        Assert.Equal("PLATEFORME-PARTENAIRES", channel.DisplayName);
        var owner = Assert.Single(await gateway.Channels.ListChannelMembersAsync(Team, channel.Id, CancellationToken.None));
        Assert.True(owner.IsOwner);
    }

    [Fact]
    public async Task SharedChannelOperationRunsFromNotStartedToSucceeded()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await GraphSandboxServer.StartAsync(new Dictionary<string, string?>
        {
            ["SandboxTenant:Graph:SharedChannelProvisioningDelay"] = "00:00:10",
        }, time);
        using var http = sandbox.CreateClient();

        using var accepted = await http.PostAsJsonAsync($"teams/{Team}/channels", new JsonObject
        {
            ["displayName"] = "SHARED-1",
            ["membershipType"] = "shared",
            ["members"] = new JsonArray(Member(Owner, owner: true)),
        });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!.OriginalString;
        Assert.StartsWith($"/teams('{Team}')/operations('", location, StringComparison.Ordinal);
        var operationId = location.Split('\'')[3];

        Assert.Equal("notStarted", await StatusAsync());
        Assert.Null(await FindAsync());
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("inProgress", await StatusAsync());
        time.Advance(TimeSpan.FromSeconds(5));
        var done = JsonNode.Parse(await http.GetStringAsync($"teams/{Team}/operations/{operationId}"))!;
        Assert.Equal("succeeded", (string?)done["status"]);
        Assert.Equal((string?)done["targetResourceId"], (string?)(await FindAsync())?["id"]);

        async Task<string?> StatusAsync() =>
            (string?)JsonNode.Parse(await http.GetStringAsync($"teams/{Team}/operations/{operationId}"))!["status"];

        async Task<JsonNode?> FindAsync() =>
            JsonNode.Parse(await http.GetStringAsync($"teams/{Team}/channels?$filter=displayName eq 'SHARED-1'"))!["value"]!.AsArray().FirstOrDefault();
    }

    [Fact]
    public async Task RefusesSharedChannelWithTwoOwners()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient();

        using var response = await http.PostAsJsonAsync($"teams/{Team}/channels", new JsonObject
        {
            ["displayName"] = "SHARED-2",
            ["membershipType"] = "shared",
            ["members"] = new JsonArray(Member(Owner, owner: true), Member(Others[0], owner: true)),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RefusesChannelBeyondTheTeamCapCountingDeletedOnes()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync(new Dictionary<string, string?>
        {
            ["SandboxTenant:Graph:MaxPrivateChannelsPerTeam"] = "2",
        });
        var gateway = sandbox.CreateGateway();
        var first = await gateway.Channels.CreatePrivateChannelAsync(Team, "CAP-1", Owner, [], CancellationToken.None);
        await gateway.Channels.CreatePrivateChannelAsync(Team, "CAP-2", Owner, [], CancellationToken.None);
        await gateway.Channels.DeleteChannelAsync(Team, first.Channel.Id, CancellationToken.None);

        var error = await Assert.ThrowsAsync<GraphGatewayException>(() =>
            gateway.Channels.CreatePrivateChannelAsync(Team, "CAP-3", Owner, [], CancellationToken.None));

        Assert.Equal(GraphFailure.BadRequest, error.Kind);
    }

    internal static JsonObject Member(string userId, bool owner) => new()
    {
        ["@odata.type"] = "#microsoft.graph.aadUserConversationMember",
        ["roles"] = owner ? new JsonArray("owner") : new JsonArray(),
        ["user@odata.bind"] = $"https://graph.microsoft.com/v1.0/users('{userId}')",
    };
}
