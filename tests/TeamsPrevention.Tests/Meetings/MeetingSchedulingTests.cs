using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Meetings;
using TeamsPrevention.Sandbox.Graph;
using TeamsPrevention.Sandbox.Realism;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Meetings;

/// <summary>Scheduling through the API writes one confidential Teams meeting to the sandbox's Graph calendar.</summary>
public sealed class MeetingSchedulingTests
{
    [Theory, BothProviders]
    public async Task CreatesOneConfidentialMonthlyTeamsMeetingForThePlatform(DatabaseProvider provider)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(provider, sandbox, null, null);
        var start = new DateTimeOffset(DateTime.UtcNow.Year + 1, 3, 10, 13, 0, 0, TimeSpan.Zero);

        var meeting = await MeetingSteps.ScheduleAsync(h, "Platform", start, DemoPeople.Referent, DemoPeople.Partner);

        Assert.Equal("Synced", meeting["syncState"]!.GetValue<string>());
        var joinUrl = meeting["joinUrl"]!.GetValue<string>();
        var calendarEvent = Assert.Single(MeetingSteps.Store(sandbox).Events.Values);
        var data = calendarEvent.Data;
        Assert.Equal(MeetingInvite.PlatformSubject, data["subject"]!.GetValue<string>());
        Assert.True(data["isOnlineMeeting"]!.GetValue<bool>());
        Assert.Equal("teamsForBusiness", data["onlineMeetingProvider"]!.GetValue<string>());
        Assert.Equal(joinUrl, data["onlineMeeting"]!["joinUrl"]!.GetValue<string>());
        Assert.Equal("Europe/Brussels", data["start"]!["timeZone"]!.GetValue<string>());
        Assert.StartsWith($"{start.Year}-03-10T14:00:00", data["start"]!["dateTime"]!.GetValue<string>(), StringComparison.Ordinal);
        var pattern = data["recurrence"]!["pattern"]!;
        Assert.Equal("relativeMonthly", pattern["type"]!.GetValue<string>());
        Assert.Equal(12, data["recurrence"]!["range"]!["numberOfOccurrences"]!.GetValue<int>());
        Assert.Equal(2, data["attendees"]!.AsArray().Count);
        var online = Assert.Single(MeetingSteps.Store(sandbox).OnlineMeetings.Values);
        Assert.False(online.AllowRecording);
        Assert.False(online.AllowTranscription);
        Assert.Equal("invited", online.LobbyBypassScope);
        var body = data["body"]!["content"]!.GetValue<string>();
        Assert.Contains($"/#/meetings/{meeting["id"]!.GetValue<string>()}\">", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendsNoCodeNameOrIdentityToGraphForACaseMeeting()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var code = await h.ReportAsync(DemoPeople.Referent, new { identity = new { firstName = "Zébulon", lastName = "Testfictif", school = "École imaginaire" } });
        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        using var clear = await sandbox.Http.DeleteAsync("traffic");

        var meeting = await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(100), DemoPeople.Referent, DemoPeople.PoliceReferent);

        var agenda = await h.GetJsonAsync(DemoPeople.Referent, $"/api/meetings/{meeting["id"]}/agenda");
        Assert.Contains(agenda!["items"]!.AsArray(), i => i!["label"]!.GetValue<string>() == code);
        var calendarEvent = Assert.Single(MeetingSteps.Store(sandbox).Events.Values);
        Assert.Equal(MeetingInvite.CaseSubject, calendarEvent.Data["subject"]!.GetValue<string>());
        var traffic = (await sandbox.Http.GetFromJsonAsync<List<TrafficEntry>>("traffic?pathPrefix=/sandbox/graph"))!;
        Assert.Contains(traffic, t => t.Method == "POST" && t.Path.EndsWith("/events", StringComparison.Ordinal));
        var ownLogs = h.Logs.Lines.Where(l => l.StartsWith("TeamsPrevention.App.Meetings", StringComparison.Ordinal) || l.StartsWith("TeamsPrevention.App.Graph", StringComparison.Ordinal)).ToList();
        Assert.Contains(ownLogs, l => l.Contains(meeting["id"]!.GetValue<string>(), StringComparison.Ordinal));
        foreach (var secret in new[] { code, "Zébulon", "Testfictif", "imaginaire", "Sophie Martin", "Jan Peeters" })
        {
            Assert.DoesNotContain(traffic, t => (t.Body ?? "").Contains(secret, StringComparison.OrdinalIgnoreCase) || t.Path.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(ownLogs, m => m.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task LeavesTheMeetingToRetryWhenGraphFailsAndRetrySucceeds()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        using var faults = await sandbox.Http.PutAsJsonAsync("faults", new FaultSettings
        {
            Seed = 1,
            Rules = [new FaultRule { Method = "POST", Path = "graph/v1.0/users/*/events", Fault = "status", Status = 503, RetryAfterSeconds = 1, Rate = 1.0 }],
        });
        faults.EnsureSuccessStatusCode();

        var meeting = await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(7), DemoPeople.Referent);

        Assert.Equal("ToRetry", meeting["syncState"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(meeting["syncProblem"]!.GetValue<string>()));
        Assert.Empty(MeetingSteps.Store(sandbox).Events);
        var listed = await h.GetJsonAsync(DemoPeople.Coordinator, $"/api/meetings/{meeting["id"]}");
        Assert.Equal("ToRetry", listed!["syncState"]!.GetValue<string>());

        (await sandbox.Http.DeleteAsync("faults")).EnsureSuccessStatusCode();
        using var notAllowed = await h.PostAsync(DemoPeople.Referent, $"/api/meetings/{meeting["id"]}/retry");
        using var retry = await h.PostAsync(DemoPeople.Coordinator, $"/api/meetings/{meeting["id"]}/retry");

        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        var retried = await retry.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Synced", retried!["syncState"]!.GetValue<string>());
        Assert.NotNull(retried["joinUrl"]);
        Assert.Single(MeetingSteps.Store(sandbox).Events.Values);
        Assert.False(Assert.Single(MeetingSteps.Store(sandbox).OnlineMeetings.Values).AllowRecording);
    }

    [Fact]
    public async Task AppliesTheConfidentialSettingsOnRetryWithoutASecondEvent()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        using var faults = await sandbox.Http.PutAsJsonAsync("faults", new FaultSettings
        {
            Seed = 1,
            Rules = [new FaultRule { Method = "PATCH", Path = "graph/v1.0/users/*/onlineMeetings/*", Fault = "status", Status = 503, RetryAfterSeconds = 1, Rate = 1.0 }],
        });
        faults.EnsureSuccessStatusCode();

        var meeting = await MeetingSteps.ScheduleAsync(h, "Platform", DateTimeOffset.UtcNow.AddDays(7), DemoPeople.Referent);

        Assert.Equal("ToRetry", meeting["syncState"]!.GetValue<string>());
        Assert.True(Assert.Single(MeetingSteps.Store(sandbox).OnlineMeetings.Values).AllowRecording);
        (await sandbox.Http.DeleteAsync("faults")).EnsureSuccessStatusCode();
        using var retry = await h.PostAsync(DemoPeople.Coordinator, $"/api/meetings/{meeting["id"]}/retry");
        var retried = await retry.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Synced", retried!["syncState"]!.GetValue<string>());
        Assert.Single(MeetingSteps.Store(sandbox).Events.Values);
        var online = Assert.Single(MeetingSteps.Store(sandbox).OnlineMeetings.Values);
        Assert.False(online.AllowRecording);
        Assert.False(online.AllowTranscription);
        Assert.Equal("invited", online.LobbyBypassScope);
    }

    [Theory, BothProviders]
    public async Task PropagatesRescheduleAndCancellationToTheCalendar(DatabaseProvider provider)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(provider, sandbox, null, null);
        var start = DateTimeOffset.UtcNow.AddDays(7);
        var meeting = await MeetingSteps.ScheduleAsync(h, "Case", start, DemoPeople.Referent);
        var id = meeting["id"]!.GetValue<string>();
        var later = new DateTimeOffset(DateTime.UtcNow.Year + 1, 7, 1, 8, 0, 0, TimeSpan.Zero);

        using var moved = await h.As(DemoPeople.Coordinator).PutAsJsonAsync($"/api/meetings/{id}", new { startAt = later, endAt = later.AddHours(1) });
        var afterMove = await moved.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Synced", afterMove!["syncState"]!.GetValue<string>());
        var calendarEvent = Assert.Single(MeetingSteps.Store(sandbox).Events.Values);
        Assert.StartsWith($"{later.Year}-07-01T10:00:00", calendarEvent.Data["start"]!["dateTime"]!.GetValue<string>(), StringComparison.Ordinal);

        using var cancelled = await h.As(DemoPeople.Coordinator).DeleteAsync($"/api/meetings/{id}");
        var afterCancel = await cancelled.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Cancelled", afterCancel!["status"]!.GetValue<string>());
        Assert.Equal("Synced", afterCancel["syncState"]!.GetValue<string>());
        Assert.True(calendarEvent.Data["isCancelled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ShowsTheCoordinatorWhoHasNotAcceptedFromOutlook()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var meeting = await MeetingSteps.ScheduleAsync(h, "Platform", DateTimeOffset.UtcNow.AddDays(7), DemoPeople.Referent, DemoPeople.Partner);
        var eventId = Assert.Single(MeetingSteps.Store(sandbox).Events.Values).Id;
        var calendar = sandbox.Services.GetRequiredService<GraphCalendarApi>();
        Assert.True(calendar.SetAttendeeResponse(eventId, DemoPeople.Referent, "accepted"));
        Assert.True(calendar.SetAttendeeResponse(eventId, DemoPeople.Partner, "declined"));

        using var response = await h.As(DemoPeople.Coordinator).GetAsync($"/api/meetings/{meeting["id"]}/responses");
        using var refused = await h.As(DemoPeople.Partner).GetAsync($"/api/meetings/{meeting["id"]}/responses");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var answers = (await response.Content.ReadFromJsonAsync<JsonArray>())!.ToDictionary(a => a!["personId"]!.GetValue<Guid>(), a => a!["response"]!.GetValue<string>());
        Assert.Equal("Accepted", answers[await h.PersonIdAsync(DemoPeople.Referent)]);
        Assert.Equal("Declined", answers[await h.PersonIdAsync(DemoPeople.Partner)]);
        Assert.Equal("Organizer", answers[await h.PersonIdAsync(DemoPeople.Coordinator)]);
    }

    [Fact]
    public async Task RefusesSchedulingToSomeoneOutsideTheCoordination()
    {
        await using var h = await SituationsHarness.StartAsync();
        var start = DateTimeOffset.UtcNow.AddDays(7);

        using var response = await h.PostAsync(DemoPeople.Partner, "/api/meetings", new { kind = "Platform", startAt = start, endAt = start.AddHours(1) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await h.InScopeAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Set<Meeting>())));
    }
}
