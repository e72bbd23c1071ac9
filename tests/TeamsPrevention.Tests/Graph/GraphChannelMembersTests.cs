using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Graph;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Tests.Graph;

public sealed class GraphChannelMembersTests
{
    private static readonly string Team = DemoTenant.CellTeamId;
    private static readonly string Owner = DemoTenant.CellTeamMemberIds[1];
    private static readonly string Colleague = DemoTenant.CellTeamMemberIds[2];
    private const string NotInTeam = "a1b2c3d4-0008-4000-8000-000000000008";

    [Fact]
    public async Task AddsListsAndRemovesAChannelMember()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var channel = (await gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-M1", Owner, [], CancellationToken.None)).Channel;

        var added = await gateway.Channels.AddChannelMemberAsync(Team, channel.Id, Colleague, asOwner: false, CancellationToken.None);
        Assert.Equal(Colleague, added.UserId);
        Assert.Contains(await gateway.Channels.ListChannelMembersAsync(Team, channel.Id, CancellationToken.None), m => m.UserId == Colleague);

        await gateway.Channels.RemoveChannelMemberAsync(Team, channel.Id, added.MembershipId, CancellationToken.None);
        var left = await gateway.Channels.ListChannelMembersAsync(Team, channel.Id, CancellationToken.None);
        Assert.Equal([Owner], left.Select(m => m.UserId).ToArray());
    }

    [Fact]
    public async Task RaisesBadRequestGivenPersonNotInTheTeam()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var channel = (await gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-M2", Owner, [], CancellationToken.None)).Channel;

        var error = await Assert.ThrowsAsync<GraphGatewayException>(() =>
            gateway.Channels.AddChannelMemberAsync(Team, channel.Id, NotInTeam, asOwner: false, CancellationToken.None));

        Assert.Equal(GraphFailure.BadRequest, error.Kind);
        Assert.DoesNotContain(await gateway.Channels.ListChannelMembersAsync(Team, channel.Id, CancellationToken.None), m => m.UserId == NotInTeam);
    }

    [Fact]
    public async Task AddsPartnerOnceTheyAreTeamMembers()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var channel = (await gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-M3", Owner, [], CancellationToken.None)).Channel;

        await gateway.People.EnsureTeamMemberAsync(Team, NotInTeam, CancellationToken.None);
        var added = await gateway.Channels.AddChannelMemberAsync(Team, channel.Id, NotInTeam, asOwner: false, CancellationToken.None);

        Assert.Equal(NotInTeam, added.UserId);
    }

    [Fact]
    public async Task RaisesConflictGivenPersonAlreadyInTheChannel()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var channel = (await gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-M4", Owner, [Colleague], CancellationToken.None)).Channel;

        var error = await Assert.ThrowsAsync<GraphGatewayException>(() =>
            gateway.Channels.AddChannelMemberAsync(Team, channel.Id, Colleague, asOwner: false, CancellationToken.None));

        Assert.Equal(GraphFailure.Conflict, error.Kind);
    }

    [Fact]
    public async Task LeavingTheTeamRemovesThePersonFromItsPrivateChannels()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var channel = (await gateway.Channels.CreatePrivateChannelAsync(Team, "SIT-M5", Owner, [Colleague], CancellationToken.None)).Channel;
        var membership = (await gateway.People.ListTeamMembersAsync(Team, CancellationToken.None)).Single(m => m.UserId == Colleague);

        await gateway.People.RemoveTeamMemberAsync(Team, membership.MembershipId, CancellationToken.None);

        Assert.DoesNotContain(await gateway.Channels.ListChannelMembersAsync(Team, channel.Id, CancellationToken.None), m => m.UserId == Colleague);
    }

    [Fact]
    public async Task RefusesMembersOnAStandardChannel()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient();
        var general = JsonNode.Parse(await http.GetStringAsync($"teams/{Team}/channels?$filter=displayName eq 'General'"))!["value"]![0]!;

        using var response = await http.PostAsJsonAsync(
            $"teams/{Team}/channels/{Uri.EscapeDataString((string)general["id"]!)}/members", GraphChannelsTests.Member(Colleague, owner: false));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
