using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Graph;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Tests.Graph;

public sealed class GraphCalendarTests
{
    private static readonly CalendarOwner Coordinator = CalendarOwner.User(DemoTenant.Personas[1].ObjectId);
    private static readonly string[] Attendees = ["claire.dubois@namur-demo.example", "jan.peeters@namur-demo.example"];

    // 10 March 2026, 13:00 UTC = 14:00 in Brussels (winter time).
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 13, 0, 0, TimeSpan.Zero);

    private static CalendarMeetingRequest Platform(MeetingRecurrence? recurrence = null) =>
        new("Plateforme CSIL-R", "<p>Ordre du jour : SIT-7K2Q</p>", Start, Start.AddHours(2), Attendees, recurrence, "Hôtel de ville");

    [Fact]
    public async Task CreatesRecurringMeetingWithJoinUrlInBrusselsTime()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var monthly = new MeetingRecurrence(RecurrenceFrequency.MonthlyOnWeekday, 1, new DateOnly(2026, 3, 10),
            DaysOfWeek: [DayOfWeek.Tuesday], WeekOfMonth: 2, EndDate: new DateOnly(2026, 12, 31));

        var meeting = await gateway.Calendar.CreateMeetingAsync(Coordinator, Platform(monthly), CancellationToken.None);

        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", meeting.JoinUrl, StringComparison.Ordinal);
        Assert.True(meeting.IsRecurring);
        Assert.Equal(Attendees, meeting.Attendees.Select(a => a.Address).ToArray());
        Assert.All(meeting.Attendees, a => Assert.Equal(MeetingResponse.None, a.Response));

        using var http = sandbox.CreateClient();
        var stored = JsonNode.Parse(await http.GetStringAsync($"users/{Coordinator.Id}/events/{meeting.EventId}"))!;
        Assert.Equal("2026-03-10T14:00:00", (string?)stored["start"]!["dateTime"]);
        Assert.Equal("Europe/Brussels", (string?)stored["start"]!["timeZone"]);
        Assert.Equal("teamsForBusiness", (string?)stored["onlineMeetingProvider"]);
        Assert.Equal("relativeMonthly", (string?)stored["recurrence"]!["pattern"]!["type"]);
        Assert.Equal("second", (string?)stored["recurrence"]!["pattern"]!["index"]);
        Assert.Equal("tuesday", (string?)stored["recurrence"]!["pattern"]!["daysOfWeek"]![0]);
        Assert.Equal("2026-12-31", (string?)stored["recurrence"]!["range"]!["endDate"]);
        Assert.Equal("seriesMaster", (string?)stored["type"]);
    }

    [Fact]
    public async Task UpdatesTheMeetingKeepingAnswersOfRemainingAttendees()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var meeting = await gateway.Calendar.CreateMeetingAsync(Coordinator, Platform(), CancellationToken.None);
        await AnswerAsync(sandbox, meeting.EventId, Attendees[0], "accepted");

        var moved = await gateway.Calendar.UpdateMeetingAsync(Coordinator, meeting.EventId,
            Platform() with { Start = Start.AddDays(1), End = Start.AddDays(1).AddHours(1), AttendeeAddresses = [Attendees[0], "sophie.martin@namur-demo.example"] },
            CancellationToken.None);

        Assert.Equal(meeting.JoinUrl, moved.JoinUrl);
        Assert.Equal(MeetingResponse.Accepted, moved.Attendees.Single(a => a.Address == Attendees[0]).Response);
        Assert.Equal(MeetingResponse.None, moved.Attendees.Single(a => a.Address == "sophie.martin@namur-demo.example").Response);
        Assert.DoesNotContain(moved.Attendees, a => a.Address == Attendees[1]);
    }

    [Fact]
    public async Task ReadsAttendeeResponsesSetInTheSandbox()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var meeting = await gateway.Calendar.CreateMeetingAsync(Coordinator, Platform(), CancellationToken.None);

        await AnswerAsync(sandbox, meeting.EventId, Attendees[0], "accepted");
        await AnswerAsync(sandbox, meeting.EventId, DemoTenant.Personas[3].ObjectId, "declined");

        var responses = await gateway.Calendar.GetAttendeeResponsesAsync(Coordinator, meeting.EventId, CancellationToken.None);
        Assert.Equal(MeetingResponse.Accepted, responses.Single(r => r.Address == Attendees[0]).Response);
        Assert.Equal(MeetingResponse.Declined, responses.Single(r => r.Address == Attendees[1]).Response);
        Assert.NotNull(responses[0].RespondedAt);
    }

    /// <summary>Graph puts the meeting in every attendee's calendar, with their own response: the sandbox too.</summary>
    [Fact]
    public async Task PutsTheMeetingInEveryAttendeesCalendarWithTheirResponse()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var meeting = await gateway.Calendar.CreateMeetingAsync(Coordinator, Platform(), CancellationToken.None);
        await AnswerAsync(sandbox, meeting.EventId, Attendees[0], "accepted");
        using var http = sandbox.CreateClient();

        var chair = DemoTenant.Personas[0].ObjectId;
        var chairs = JsonNode.Parse(await http.GetStringAsync($"users/{chair}/events"))!["value"]!.AsArray();
        var copy = Assert.Single(chairs)!;
        Assert.NotEqual(meeting.EventId, (string?)copy["id"]);
        Assert.False((bool)copy["isOrganizer"]!);
        Assert.Equal("accepted", (string?)copy["responseStatus"]!["response"]);
        Assert.Equal(meeting.JoinUrl, (string?)copy["onlineMeeting"]!["joinUrl"]);
        var read = JsonNode.Parse(await http.GetStringAsync($"users/{chair}/events/{Uri.EscapeDataString((string)copy["id"]!)}"))!;
        Assert.Equal((string?)copy["id"], (string?)read["id"]);

        var police = JsonNode.Parse(await http.GetStringAsync($"users/jan.peeters@namur-demo.example/events"))!["value"]!.AsArray();
        Assert.Equal("notResponded", (string?)Assert.Single(police)!["responseStatus"]!["response"]);

        // Not invited: nothing. Another attendee's copy cannot be read through one's own calendar.
        var referent = DemoTenant.Personas[2].ObjectId;
        Assert.Empty(JsonNode.Parse(await http.GetStringAsync($"users/{referent}/events"))!["value"]!.AsArray());
        using var foreign = await http.GetAsync($"users/{referent}/events/{Uri.EscapeDataString((string)copy["id"]!)}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        // Cancelled: gone from the attendees' calendars too.
        await gateway.Calendar.CancelMeetingAsync(Coordinator, meeting.EventId, "Annulée", CancellationToken.None);
        Assert.Empty(JsonNode.Parse(await http.GetStringAsync($"users/{chair}/events"))!["value"]!.AsArray());
    }

    [Fact]
    public async Task CancelsTheMeetingOnce()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var meeting = await gateway.Calendar.CreateMeetingAsync(Coordinator, Platform(), CancellationToken.None);

        await gateway.Calendar.CancelMeetingAsync(Coordinator, meeting.EventId, "Reportée", CancellationToken.None);

        Assert.True((await gateway.Calendar.GetMeetingAsync(Coordinator, meeting.EventId, CancellationToken.None)).IsCancelled);
        var again = await Assert.ThrowsAsync<GraphGatewayException>(() =>
            gateway.Calendar.CancelMeetingAsync(Coordinator, meeting.EventId, null, CancellationToken.None));
        Assert.Equal(GraphFailure.BadRequest, again.Kind);
    }

    [Fact]
    public async Task CreatesMeetingInTheTeamsGroupCalendar()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var group = CalendarOwner.Group(DemoTenant.CellTeamId);

        var meeting = await gateway.Calendar.CreateMeetingAsync(group, Platform(), CancellationToken.None);

        Assert.NotNull(meeting.JoinUrl);
        Assert.Equal(meeting.EventId, (await gateway.Calendar.GetMeetingAsync(group, meeting.EventId, CancellationToken.None)).EventId);
        var elsewhere = await Assert.ThrowsAsync<GraphGatewayException>(() =>
            gateway.Calendar.GetMeetingAsync(Coordinator, meeting.EventId, CancellationToken.None));
        Assert.Equal(GraphFailure.NotFound, elsewhere.Kind);
    }

    [Fact]
    public async Task AppliesConfidentialSettingsToTheMeeting()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();
        var meeting = await gateway.Calendar.CreateMeetingAsync(Coordinator, Platform(), CancellationToken.None);
        var before = await gateway.OnlineMeetings.GetMeetingSettingsAsync(Coordinator.Id, meeting.JoinUrl!, CancellationToken.None);
        Assert.True(before.AllowRecording);

        await gateway.OnlineMeetings.ApplyConfidentialMeetingSettingsAsync(Coordinator.Id, meeting.JoinUrl!, CancellationToken.None);

        var after = await gateway.OnlineMeetings.GetMeetingSettingsAsync(Coordinator.Id, meeting.JoinUrl!, CancellationToken.None);
        Assert.Equal(new MeetingSettings(before.MeetingId, false, false, LobbyScope.Invited), after);
    }

    [Fact]
    public async Task RaisesNotFoundGivenJoinUrlOfNoMeeting()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        var gateway = sandbox.CreateGateway();

        var error = await Assert.ThrowsAsync<GraphGatewayException>(() => gateway.OnlineMeetings.GetMeetingSettingsAsync(
            Coordinator.Id, "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0", CancellationToken.None));

        Assert.Equal(GraphFailure.NotFound, error.Kind);
    }

    [Fact]
    public async Task RefusesUnknownTimeZone()
    {
        await using var sandbox = await GraphSandboxServer.StartAsync();
        using var http = sandbox.CreateClient();

        using var response = await http.PostAsJsonAsync($"users/{Coordinator.Id}/events", new JsonObject
        {
            ["subject"] = "x",
            ["start"] = new JsonObject { ["dateTime"] = "2026-03-10T14:00:00", ["timeZone"] = "Namur/Citadelle" },
            ["end"] = new JsonObject { ["dateTime"] = "2026-03-10T15:00:00", ["timeZone"] = "Namur/Citadelle" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("TimeZoneNotSupportedException", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]);
    }

    private static async Task AnswerAsync(GraphSandboxServer sandbox, string eventId, string attendee, string response)
    {
        using var admin = new HttpClient();
        using var answered = await admin.PostAsJsonAsync(
            new Uri(sandbox.SandboxBase, $"graph-admin/events/{Uri.EscapeDataString(eventId)}/attendees/{Uri.EscapeDataString(attendee)}/response"),
            new { response });
        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
    }
}
