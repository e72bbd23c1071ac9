using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Situations;
using TeamsPrevention.Sandbox.Graph;
using TeamsPrevention.Sandbox.Realism;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Situations;

public sealed class ChannelTests
{
    private static readonly string Team = DemoTenant.CellTeamId;

    [Fact]
    public async Task CreatesOneChannelNamedByTheCodeWithExactlyTheListInTwoGraphRequests()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var code = await h.ReportAsync(DemoPeople.Referent);
        await GrantAsync(h, code, DemoPeople.PoliceReferent);
        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        using var clear = await sandbox.Http.DeleteAsync("traffic");

        await h.RunChannelPassesAsync();

        var graphCalls = await GraphTrafficAsync(sandbox);
        Assert.Equal(2, graphCalls.Count);
        var channel = Assert.Single(Channels(sandbox, code));
        Assert.Equal(code, channel.DisplayName);
        Assert.Equal("private", channel.MembershipType);
        Assert.Equal(new[] { DemoPeople.Referent, DemoPeople.PoliceReferent }.Order(), channel.Members.Select(m => m.UserId).Order());
        Assert.True(channel.Members.Single(m => m.UserId == DemoPeople.Referent).IsOwner);
        Assert.Equal(ChannelState.Active, await StateAsync(h, code));
    }

    [Fact]
    public async Task AddsAPartnerToTheTeamFirstThenToTheChannel()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var code = await h.ReportAsync(DemoPeople.Referent);
        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        await h.RunChannelPassesAsync();

        await GrantAsync(h, code, DemoPeople.Partner);
        await h.RunChannelPassesAsync();

        var channel = Assert.Single(Channels(sandbox, code));
        Assert.Contains(DemoPeople.Partner, channel.Members.Select(m => m.UserId));
        Assert.Contains(DemoPeople.Partner, Store(sandbox).Teams[Team].Members.Select(m => m.UserId));
    }

    [Fact]
    public async Task RemovesFromTheChannelSomeoneTakenOffTheList()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var code = await h.ReportAsync(DemoPeople.Referent);
        await GrantAsync(h, code, DemoPeople.PoliceReferent);
        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        await h.RunChannelPassesAsync();
        var police = await h.PersonIdAsync(DemoPeople.PoliceReferent);

        using var revoke = await h.As(DemoPeople.Referent).DeleteAsync($"/api/situations/{code}/need-to-know/{police}");
        await h.RunChannelPassesAsync();

        revoke.EnsureSuccessStatusCode();
        Assert.Equal([DemoPeople.Referent], Assert.Single(Channels(sandbox, code)).Members.Select(m => m.UserId));
    }

    [Fact]
    public async Task AdoptsAChannelAlreadyNamedByTheCodeInsteadOfMakingASecond()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var code = await h.ReportAsync(DemoPeople.Referent);
        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        // A previous attempt created the channel in Teams but crashed before storing its id.
        using var graph = await GraphClientAsync(sandbox);
        using var made = await graph.PostAsJsonAsync($"teams/{Team}/channels", new JsonObject
        {
            ["displayName"] = code,
            ["membershipType"] = "private",
            ["members"] = new JsonArray(Member(DemoPeople.Referent, owner: true), Member(DemoPeople.Coordinator, owner: false)),
        });
        made.EnsureSuccessStatusCode();

        await h.RunChannelPassesAsync();

        var channel = Assert.Single(Channels(sandbox, code));
        Assert.Equal([DemoPeople.Referent], channel.Members.Select(m => m.UserId));
        var stored = await h.InScopeAsync(db => db.Set<Situation>().AsNoTracking().SingleAsync(s => s.Code == code));
        Assert.Equal(channel.Id, stored.ChannelId);
    }

    [Fact]
    public async Task EndsWithExactlyOneRightChannelPerSituationWhenManyAreCreatedConcurrentlyWithGraphFailing()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var first = await SituationsHarness.StartAsync(sandbox);
        await using var second = await SituationsHarness.StartOnAsync(first, sandbox);
        var codes = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            codes.Add(await first.ReportAsync(DemoPeople.Referent));
        }

        await Task.WhenAll(codes.Select(c => GrantAsync(first, c, DemoPeople.PoliceReferent)));
        await Task.WhenAll(codes.Select(c => SituationLifecycleTests.BringToAsync(first, c, "Included")));
        using var faults = await sandbox.Http.PutAsJsonAsync("faults", new FaultSettings
        {
            Seed = 7,
            Rules =
            [
                new FaultRule { Path = "graph/**", Fault = "status", Status = 429, RetryAfterSeconds = 1, Rate = 0.1 },
                new FaultRule { Path = "graph/**", Fault = "status", Status = 503, Rate = 0.11 },
            ],
        });
        faults.EnsureSuccessStatusCode();

        for (var round = 0; round < 30 && await PendingAsync(first) > 0; round++)
        {
            await Task.WhenAll(first.RunChannelPassesAsync(1), second.RunChannelPassesAsync(1));
        }

        var faulted = (await sandbox.Http.GetFromJsonAsync<List<TrafficEntry>>("traffic?pathPrefix=/sandbox/graph"))!.Count(t => t.Fault is not null);
        Assert.True(faulted > 0, "the sandbox injected no fault");
        Assert.Equal(0, await PendingAsync(first));
        foreach (var code in codes)
        {
            var channel = Assert.Single(Store(sandbox).Teams[Team].Channels, c => c.DisplayName.StartsWith(code, StringComparison.Ordinal));
            Assert.False(channel.IsDeleted);
            Assert.Equal(new[] { DemoPeople.Referent, DemoPeople.PoliceReferent }.Order(), channel.Members.Select(m => m.UserId).Order());
        }
    }

    [Fact]
    public async Task RemovesAMemberAddedByHandAndRestoresTheNameAtTheNextReconciliation()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var code = await h.ReportAsync(DemoPeople.Referent);
        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        await h.RunChannelPassesAsync();
        var channelId = Assert.Single(Channels(sandbox, code)).Id;
        using var graph = await GraphClientAsync(sandbox);
        using var added = await graph.PostAsJsonAsync($"teams/{Team}/channels/{channelId}/members", Member(DemoPeople.Coordinator, owner: false));
        using var renamed = await graph.PatchAsJsonAsync($"teams/{Team}/channels/{channelId}", new { displayName = "Dossier renommé" });
        added.EnsureSuccessStatusCode();
        renamed.EnsureSuccessStatusCode();
        var auditBefore = (await h.AuditAsync()).Count;

        await MakeDueAsync(h);
        await h.WithAsync<SituationChannels, int>(c => c.RunPassAsync(CancellationToken.None));

        var channel = Store(sandbox).Teams[Team].Channels.Single(c => c.Id == channelId);
        Assert.Equal(code, channel.DisplayName);
        Assert.Equal([DemoPeople.Referent], channel.Members.Select(m => m.UserId));
        var corrections = (await h.AuditAsync()).Skip(auditBefore).ToList();
        Assert.Contains(corrections, e => e.Purpose == "reconciliation: member not on the list removed" && e.SituationCode == code && e.Actor == AuditRecord.SystemActor);
        Assert.Contains(corrections, e => e.Purpose == "reconciliation: channel renamed back" && e.SituationCode == code);
    }

    [Fact]
    public async Task RecreatesADeletedChannelAndReportsIt()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var code = await h.ReportAsync(DemoPeople.Referent);
        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        await h.RunChannelPassesAsync();
        var channelId = Assert.Single(Channels(sandbox, code)).Id;
        using var graph = await GraphClientAsync(sandbox);
        (await graph.DeleteAsync($"teams/{Team}/channels/{channelId}")).EnsureSuccessStatusCode();

        await MakeDueAsync(h);
        await h.RunChannelPassesAsync();

        var channel = Assert.Single(Channels(sandbox, code));
        Assert.NotEqual(channelId, channel.Id);
        Assert.StartsWith(code, channel.DisplayName, StringComparison.Ordinal);
        Assert.Contains(await h.AuditAsync(), e => e.SituationCode == code && e.Purpose == "channel created" && e.TargetId == channel.Id);
    }

    [Fact]
    public async Task DeletesTheChannelOnClosure()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var code = await h.ReportAsync(DemoPeople.Referent);
        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        await h.RunChannelPassesAsync();

        (await h.PostAsync(DemoPeople.Chair, $"/api/situations/{code}/closure", new { reason = "Fin du suivi" })).EnsureSuccessStatusCode();
        await h.RunChannelPassesAsync();

        Assert.Empty(Channels(sandbox, code));
        Assert.Equal(ChannelState.Removed, await StateAsync(h, code));
    }

    [Fact]
    public async Task ArchivesTheChannelOnClosureWhenConfiguredAndThePurgeDeletesItLater()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await SituationsHarness.StartAsync(DatabaseProvider.Sqlite, sandbox, clock, new Dictionary<string, string?>
        {
            ["Situations:ChannelOnClosure"] = "Archive",
        });
        var code = await h.ReportAsync(DemoPeople.Referent);
        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        await h.RunChannelPassesAsync();
        var channelId = Assert.Single(Channels(sandbox, code)).Id;

        (await h.PostAsync(DemoPeople.Chair, $"/api/situations/{code}/closure", new { reason = "Fin du suivi" })).EnsureSuccessStatusCode();
        await h.RunChannelPassesAsync();

        // Still there for its members to read, but archived: Teams refuses new messages and settings changes.
        var channel = Assert.Single(Channels(sandbox, code));
        Assert.Equal(channelId, channel.Id);
        Assert.True(channel.IsArchived);
        Assert.Equal(ChannelState.Archived, await StateAsync(h, code));
        Assert.Contains(await h.AuditAsync(), e => e.SituationCode == code && e.Purpose == "channel archived" && e.TargetId == channelId);
        using var graph = await GraphClientAsync(sandbox);
        using var rename = await graph.PatchAsJsonAsync($"teams/{Team}/channels/{channelId}", new { displayName = "Autre nom" });
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);

        // Later passes leave it alone; the purge at retention expiry deletes it.
        clock.Advance(TimeSpan.FromHours(1));
        await h.RunChannelPassesAsync();
        Assert.True(Assert.Single(Channels(sandbox, code)).IsArchived);
        clock.Advance(TimeSpan.FromDays(731));
        Assert.Equal(1, await h.WithAsync<RetentionPurge, int>(p => p.RunAsync(CancellationToken.None)));
        Assert.Empty(Channels(sandbox, code));
    }

    internal static async Task GrantAsync(SituationsHarness h, string code, string oid)
    {
        var id = await h.PersonIdAsync(oid);
        using var response = await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/need-to-know", new { personId = id });
        response.EnsureSuccessStatusCode();
    }

    internal static GraphStore Store(SandboxServer sandbox) => sandbox.Services.GetRequiredService<GraphStore>();

    internal static List<SandboxChannel> Channels(SandboxServer sandbox, string code)
    {
        var store = Store(sandbox);
        lock (store.Sync)
        {
            return [.. store.Teams[Team].Channels.Where(c => c.IsVisible && c.DisplayName.StartsWith(code, StringComparison.Ordinal))];
        }
    }

    internal static async Task<HttpClient> GraphClientAsync(SandboxServer sandbox)
    {
        var token = await sandbox.GetAppTokenAsync("https://graph.microsoft.com/.default");
        var client = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl, "graph/v1.0/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal static JsonObject Member(string userId, bool owner) => new()
    {
        ["@odata.type"] = "#microsoft.graph.aadUserConversationMember",
        ["roles"] = owner ? new JsonArray("owner") : new JsonArray(),
        ["user@odata.bind"] = $"https://graph.microsoft.com/v1.0/users('{userId}')",
    };

    private static async Task<List<TrafficEntry>> GraphTrafficAsync(SandboxServer sandbox) =>
        (await sandbox.Http.GetFromJsonAsync<List<TrafficEntry>>("traffic?pathPrefix=/sandbox/graph"))!;

    private static Task<ChannelState> StateAsync(SituationsHarness h, string code) =>
        h.InScopeAsync(db => db.Set<Situation>().Where(s => s.Code == code).Select(s => s.ChannelState).SingleAsync());

    private static Task<int> PendingAsync(SituationsHarness h) =>
        h.InScopeAsync(db => db.Set<Situation>().CountAsync(s => s.ChannelState != ChannelState.Active || s.ChannelProblem != null));

    internal static Task<int> MakeDueAsync(SituationsHarness h) =>
        h.InScopeAsync(db => db.Set<Situation>().ExecuteUpdateAsync(u => u.SetProperty(s => s.ChannelSyncDueAt, DateTimeOffset.UnixEpoch)));
}
