using TeamsPrevention.App.Graph;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Tests.Graph;

public sealed class GraphTeamMembersTests
{
    private const string Partner = "a1b2c3d4-0005-4000-8000-000000000005"; // school educator, not in the team at start

    [Fact]
    public async Task ListsTheCellTeamMembersWithOwners()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();

        var members = await gateway.People.ListTeamMembersAsync(DemoTenant.CellTeamId, CancellationToken.None);

        Assert.Equal(DemoTenant.CellTeamMemberIds.Order(), members.Select(m => m.UserId).Order());
        Assert.True(Assert.Single(members, m => m.UserId == DemoTenant.Personas[0].ObjectId).IsOwner);
        Assert.False(Assert.Single(members, m => m.UserId == DemoTenant.Personas[3].ObjectId).IsOwner);
    }

    [Fact]
    public async Task AddsThenRemovesATeamMember()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();

        var added = await gateway.People.AddTeamMemberAsync(DemoTenant.CellTeamId, Partner, asOwner: false, CancellationToken.None);
        Assert.Contains(await gateway.People.ListTeamMembersAsync(DemoTenant.CellTeamId, CancellationToken.None), m => m.UserId == Partner);

        await gateway.People.RemoveTeamMemberAsync(DemoTenant.CellTeamId, added.MembershipId, CancellationToken.None);
        Assert.DoesNotContain(await gateway.People.ListTeamMembersAsync(DemoTenant.CellTeamId, CancellationToken.None), m => m.UserId == Partner);
    }

    [Fact]
    public async Task RaisesConflictGivenPersonAlreadyInTeam()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();

        var error = await Assert.ThrowsAsync<GraphGatewayException>(() =>
            gateway.People.AddTeamMemberAsync(DemoTenant.CellTeamId, DemoTenant.CellTeamMemberIds[0], asOwner: false, CancellationToken.None));

        Assert.Equal(GraphFailure.Conflict, error.Kind);
    }

    [Fact]
    public async Task EnsuringMembershipAddsOnceAndThenReturnsTheSameMembership()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();

        var first = await gateway.People.EnsureTeamMemberAsync(DemoTenant.CellTeamId, Partner, CancellationToken.None);
        var second = await gateway.People.EnsureTeamMemberAsync(DemoTenant.CellTeamId, Partner, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(await gateway.People.ListTeamMembersAsync(DemoTenant.CellTeamId, CancellationToken.None), m => m.UserId == Partner);
    }

    [Fact]
    public async Task RaisesNotFoundGivenUnknownTeam()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();

        var error = await Assert.ThrowsAsync<GraphGatewayException>(() =>
            gateway.People.ListTeamMembersAsync(Guid.NewGuid().ToString(), CancellationToken.None));

        Assert.Equal(GraphFailure.NotFound, error.Kind);
    }
}
