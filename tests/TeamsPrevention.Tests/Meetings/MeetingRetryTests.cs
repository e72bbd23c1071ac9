using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Meetings;
using TeamsPrevention.Sandbox.Realism;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Meetings;

/// <summary>A meeting whose Graph step failed is retried by the durable background job, once across instances.</summary>
public sealed class MeetingRetryTests
{
    [Theory, BothProviders]
    public async Task RetriesAFailedMeetingInTheBackgroundAndShowsTheReasonUntilThen(DatabaseProvider provider)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await MeetingHarness.StartAsync(sandbox, provider);
        await FailEventsAsync(sandbox);

        var meeting = await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(7), DemoPeople.Referent);
        var id = meeting["id"]!.GetValue<Guid>();

        Assert.Equal("ToRetry", meeting["syncState"]!.GetValue<string>());
        Assert.Equal("Transient", meeting["syncFailure"]!.GetValue<string>());
        Assert.Contains("nouvel essai automatique", meeting["syncProblem"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(meeting["nextSyncAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.Equal(0, await MeetingHarness.RetryPassAsync(h));
        (await sandbox.Http.DeleteAsync("faults")).EnsureSuccessStatusCode();

        await MeetingHarness.MakeRetryDueAsync(h, id);
        Assert.Equal(1, await MeetingHarness.RetryPassAsync(h));

        var after = await h.GetJsonAsync(DemoPeople.Coordinator, $"/api/meetings/{id}");
        Assert.Equal("Synced", after!["syncState"]!.GetValue<string>());
        Assert.Null(after["syncProblem"]);
        Assert.Null(after["syncFailure"]);
        Assert.Null(after["nextSyncAt"]);
        Assert.Equal(after["joinUrl"]!.GetValue<string>(), Assert.Single(MeetingSteps.Store(sandbox).Events.Values).Data["onlineMeeting"]!["joinUrl"]!.GetValue<string>());
        Assert.False(Assert.Single(MeetingSteps.Store(sandbox).OnlineMeetings.Values).AllowRecording);
        Assert.Equal(0, await MeetingHarness.RetryPassAsync(h));
    }

    [Theory, BothProviders]
    public async Task WorksADueMeetingOnceWhenSeveralInstancesRunTheJob(DatabaseProvider provider)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var first = await MeetingHarness.StartAsync(sandbox, provider);
        await using var second = await SituationsHarness.StartOnAsync(first, sandbox, new Dictionary<string, string?> { ["Meetings:WorkerEnabled"] = "false" });
        await FailEventsAsync(sandbox);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await MeetingSteps.ScheduleAsync(first, "Case", DateTimeOffset.UtcNow.AddDays(7 + i), DemoPeople.Referent))["id"]!.GetValue<Guid>());
        }

        (await sandbox.Http.DeleteAsync("faults")).EnsureSuccessStatusCode();
        foreach (var id in ids)
        {
            await MeetingHarness.MakeRetryDueAsync(first, id);
        }

        var worked = await Task.WhenAll(MeetingHarness.RetryPassAsync(first), MeetingHarness.RetryPassAsync(second), MeetingHarness.RetryPassAsync(first));

        Assert.Equal(3, worked.Sum());
        Assert.Equal(3, MeetingSteps.Store(sandbox).Events.Count);
        foreach (var id in ids)
        {
            var stored = await MeetingHarness.LoadAsync(first, id);
            Assert.Equal(MeetingSyncState.Synced, stored.SyncState);
            Assert.Null(stored.SyncLeaseOwner);
        }
    }

    [Fact]
    public async Task BacksOffThenStopsAtTheLimitAndLeavesTheManualRetry()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await MeetingHarness.StartAsync(sandbox, settings: new Dictionary<string, string?> { ["Meetings:MaxSyncAttempts"] = "3" });
        await FailEventsAsync(sandbox);
        var id = (await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(7), DemoPeople.Referent))["id"]!.GetValue<Guid>();
        var firstDelay = (await MeetingHarness.LoadAsync(h, id)).NextSyncAt!.Value - DateTimeOffset.UtcNow;

        await MeetingHarness.MakeRetryDueAsync(h, id);
        Assert.Equal(1, await MeetingHarness.RetryPassAsync(h));
        var secondDelay = (await MeetingHarness.LoadAsync(h, id)).NextSyncAt!.Value - DateTimeOffset.UtcNow;
        await MeetingHarness.MakeRetryDueAsync(h, id);
        Assert.Equal(1, await MeetingHarness.RetryPassAsync(h));
        var exhausted = await MeetingHarness.LoadAsync(h, id);

        Assert.True(secondDelay > firstDelay * 1.3, $"{firstDelay} then {secondDelay}");
        Assert.Equal(3, exhausted.SyncAttempts);
        Assert.Null(exhausted.NextSyncAt);
        Assert.Equal(MeetingSyncState.ToRetry, exhausted.SyncState);
        Assert.Equal(0, await MeetingHarness.RetryPassAsync(h));
        Assert.Empty(MeetingSteps.Store(sandbox).Events);

        (await sandbox.Http.DeleteAsync("faults")).EnsureSuccessStatusCode();
        using var retry = await h.PostAsync(DemoPeople.Coordinator, $"/api/meetings/{id}/retry");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("Synced", (await retry.Content.ReadFromJsonAsync<JsonObject>())!["syncState"]!.GetValue<string>());
        Assert.Single(MeetingSteps.Store(sandbox).Events.Values);
        Assert.Contains(await h.AuditAsync(), e => e.Purpose == "meeting sync retried" && e.TargetId == id.ToString());
    }

    [Fact]
    public async Task PicksUpAMeetingStoredByAnInstanceThatStoppedBeforeCallingGraph()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await MeetingHarness.StartAsync(sandbox);
        var id = (await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(7), DemoPeople.Referent))["id"]!.GetValue<Guid>();

        // As if the instance stopped between storing the meeting and calling Graph: pending, due, never sent.
        MeetingSteps.Store(sandbox).Events.Clear();
        await h.InScopeAsync(db => db.Set<Meeting>().Where(m => m.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.SyncState, MeetingSyncState.Pending).SetProperty(m => m.EventId, (string?)null).SetProperty(m => m.NextSyncAt, DateTimeOffset.UnixEpoch)));

        Assert.Equal(1, await MeetingHarness.RetryPassAsync(h));
        Assert.Equal(MeetingSyncState.Synced, (await MeetingHarness.LoadAsync(h, id)).SyncState);
        Assert.Single(MeetingSteps.Store(sandbox).Events.Values);
    }

    internal static async Task FailEventsAsync(SandboxServer sandbox)
    {
        using var faults = await sandbox.Http.PutAsJsonAsync("faults", new FaultSettings
        {
            Seed = 1,
            Rules = [new FaultRule { Method = "POST", Path = "graph/v1.0/users/*/events", Fault = "status", Status = 503, RetryAfterSeconds = 1, Rate = 1.0 }],
        });
        faults.EnsureSuccessStatusCode();
    }
}
