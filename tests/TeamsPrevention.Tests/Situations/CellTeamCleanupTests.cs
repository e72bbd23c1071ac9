using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Situations;
using TeamsPrevention.Sandbox.Graph;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Situations;

/// <summary>
/// Issue 23 item 11: a partner the product put in the cell's team for a situation's channel leaves the team once she
/// is on no situation's list any more; people added by hand (and the team's own members) stay.
/// </summary>
public sealed class CellTeamCleanupTests
{
    private static readonly string Team = DemoTenant.CellTeamId;
    private const string HandAdded = "a1b2c3d4-0006-4000-8000-000000000006";

    [Fact]
    public async Task TakesOutOfTheTeamAPartnerItAddedOnceHerLastSituationClosedButNeverSomeoneAddedByHand()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        using var graph = await ChannelTests.GraphClientAsync(sandbox);
        (await graph.PostAsJsonAsync($"teams/{Team}/members", ChannelTests.Member(HandAdded, owner: false))).EnsureSuccessStatusCode();

        var first = await h.ReportAsync(DemoPeople.Referent);
        await ChannelTests.GrantAsync(h, first, DemoPeople.Partner);
        await ChannelTests.GrantAsync(h, first, HandAdded);
        var second = await h.ReportAsync(DemoPeople.Referent);
        await ChannelTests.GrantAsync(h, second, DemoPeople.Partner);
        await SituationLifecycleTests.BringToAsync(h, first, "Included");
        await SituationLifecycleTests.BringToAsync(h, second, "Included");
        await h.RunChannelPassesAsync();
        Assert.Contains(DemoPeople.Partner, TeamMembers(sandbox));
        var seeded = DemoTenant.CellTeamMemberIds.ToList();

        // Her first situation closes: she is still on the second's list, so she stays.
        (await h.PostAsync(DemoPeople.Chair, $"/api/situations/{first}/closure", new { reason = "Fin du suivi" })).EnsureSuccessStatusCode();
        await h.RunChannelPassesAsync();
        Assert.Equal(0, await CleanupAsync(h));
        Assert.Contains(DemoPeople.Partner, TeamMembers(sandbox));

        // Her last one closes and its channel is deleted: out of the team; the hand-added one and the cell stay.
        (await h.PostAsync(DemoPeople.Chair, $"/api/situations/{second}/closure", new { reason = "Fin du suivi" })).EnsureSuccessStatusCode();
        await h.RunChannelPassesAsync();
        Assert.Empty(ChannelTests.Channels(sandbox, second));
        Assert.Equal(1, await CleanupAsync(h));

        var members = TeamMembers(sandbox);
        Assert.DoesNotContain(DemoPeople.Partner, members);
        Assert.Contains(HandAdded, members);
        Assert.All(seeded, id => Assert.Contains(id, members, StringComparer.OrdinalIgnoreCase));
        Assert.Contains(await h.AuditAsync(), e => e.TargetType == "CellTeam" && e.TargetId == DemoPeople.Partner && e.SituationCode is null);
        Assert.Equal(0, await CleanupAsync(h));

        // Back on a list later: the product adds her again, and can take her out again.
        var third = await h.ReportAsync(DemoPeople.Referent);
        await ChannelTests.GrantAsync(h, third, DemoPeople.Partner);
        await SituationLifecycleTests.BringToAsync(h, third, "Included");
        await h.RunChannelPassesAsync();
        Assert.Contains(DemoPeople.Partner, TeamMembers(sandbox));
        Assert.Equal(0, await CleanupAsync(h));
    }

    private static Task<int> CleanupAsync(SituationsHarness h) =>
        h.WithAsync<CellTeamMembers, int>(c => c.RunPassAsync(CancellationToken.None));

    private static List<string> TeamMembers(SandboxServer sandbox)
    {
        var store = sandbox.Services.GetRequiredService<GraphStore>();
        lock (store.Sync)
        {
            return [.. store.Teams[Team].Members.Select(m => m.UserId)];
        }
    }
}
