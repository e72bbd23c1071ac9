using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Tab;

/// <summary>
/// <c>GET /api/me/calendar/busy</c>: the App reads the signed-in person's own calendar from Graph as that person,
/// exchanging the tab's token on their behalf (on-behalf-of) at the sandbox tenant's token endpoint.
/// </summary>
public sealed class OnBehalfOfCalendarTests
{
    private static readonly DemoPersona Coordinator = DemoTenant.Personas[1];
    private static readonly DemoPersona Chair = DemoTenant.Personas[0];

    [Fact]
    public async Task AnswersThePersonsOwnBusyTimesWithRecurringMeetingsExpandedAndNoSubjects()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var graph = await GraphAsync(sandbox);
        // The coordinator organises a monthly meeting (first Tuesday, 10:00 Brussels), and is invited by the chair to
        // a one-off meeting; another person's meeting must not show.
        await CreateEventAsync(graph, Coordinator.ObjectId, "Plateforme mensuelle", "2026-12-01T10:00:00", "2026-12-01T12:00:00",
            recurrence: new JsonObject
            {
                ["pattern"] = new JsonObject { ["type"] = "relativeMonthly", ["interval"] = 1, ["daysOfWeek"] = new JsonArray("tuesday"), ["index"] = "first" },
                ["range"] = new JsonObject { ["type"] = "numbered", ["startDate"] = "2026-12-01", ["numberOfOccurrences"] = 6 },
            });
        await CreateEventAsync(graph, Chair.ObjectId, "Réunion de cas", "2026-12-15T14:00:00", "2026-12-15T15:00:00", attendee: Coordinator.UserPrincipalName);
        await CreateEventAsync(graph, Chair.ObjectId, "Autre réunion", "2026-12-16T14:00:00", "2026-12-16T15:00:00");
        using var app = CreateApp(sandbox);
        using var client = await ClientAsync(app, sandbox, Coordinator);

        using var response = await client.GetAsync("/api/me/calendar/busy?from=2026-12-01T00:00:00Z&to=2027-01-31T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Plateforme", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Réunion", body, StringComparison.Ordinal);
        var busy = JsonNode.Parse(body)!.AsArray().Select(b => (Start: b!["start"]!.GetValue<DateTimeOffset>(), End: b["end"]!.GetValue<DateTimeOffset>())).ToList();
        // 1 Dec and 5 Jan (first Tuesdays, 09:00 UTC in winter) and the 15 Dec case meeting (13:00 UTC).
        Assert.Equal(
            [
                (new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero)),
                (new DateTimeOffset(2026, 12, 15, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 15, 14, 0, 0, TimeSpan.Zero)),
                (new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 5, 11, 0, 0, TimeSpan.Zero)),
            ],
            busy);

        // The sandbox saw an on-behalf-of exchange and a delegated Graph call, not an app-only read of that calendar.
        var traffic = await sandbox.Http.GetFromJsonAsync<JsonArray>("traffic");
        Assert.Contains(traffic!, t => ((string?)t!["path"] ?? "").Contains("me/calendarView", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(traffic!, t => ((string?)t!["path"] ?? "").Contains($"users/{Coordinator.ObjectId}/calendarView", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RefusesAWindowThatIsMissingReversedOrTooLong()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var app = CreateApp(sandbox);
        using var client = await ClientAsync(app, sandbox, Coordinator);

        foreach (var query in new[] { "", "?from=2026-12-10T00:00:00Z&to=2026-12-01T00:00:00Z", "?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z" })
        {
            using var response = await client.GetAsync("/api/me/calendar/busy" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task SandboxRefusesAnOnBehalfOfExchangeOfATokenMeantForAnotherApp()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var graphToken = await sandbox.GetAppTokenAsync("https://graph.microsoft.com/.default");
        var personaForOtherAudience = await sandbox.GetPersonaTokenAsync(Coordinator.ObjectId, audience: "00000000-0000-0000-0000-00000000beef");

        foreach (var assertion in new[] { graphToken, personaForOtherAudience, "not-a-token" })
        {
            using var response = await sandbox.Http.PostAsync($"login/{DemoTenant.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                ["client_id"] = DemoTenant.BotAppId,
                ["client_secret"] = DemoTenant.BotAppSecret,
                ["assertion"] = assertion,
                ["scope"] = "https://graph.microsoft.com/.default",
                ["requested_token_use"] = "on_behalf_of",
            }));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_grant", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]);
        }
    }

    [Fact]
    public async Task SandboxGraphRefusesMeForAnAppOnlyToken()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var graph = await GraphAsync(sandbox);

        using var response = await graph.GetAsync("me/calendarView?startDateTime=2026-12-01T00:00:00Z&endDateTime=2026-12-31T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static AppFactory CreateApp(SandboxServer sandbox) =>
        new(new Dictionary<string, string?> { ["Sandbox:BaseUrl"] = sandbox.BaseUrl.ToString() });

    private static async Task<HttpClient> ClientAsync(AppFactory app, SandboxServer sandbox, DemoPersona persona)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.GetPersonaTokenAsync(persona.ObjectId));
        return client;
    }

    private static async Task<HttpClient> GraphAsync(SandboxServer sandbox)
    {
        var client = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl, "graph/v1.0/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.GetAppTokenAsync("https://graph.microsoft.com/.default"));
        return client;
    }

    private static async Task CreateEventAsync(HttpClient graph, string organiser, string subject, string start, string end, JsonObject? recurrence = null, string? attendee = null)
    {
        var body = new JsonObject
        {
            ["subject"] = subject,
            ["start"] = new JsonObject { ["dateTime"] = start, ["timeZone"] = "Europe/Brussels" },
            ["end"] = new JsonObject { ["dateTime"] = end, ["timeZone"] = "Europe/Brussels" },
            ["recurrence"] = recurrence,
            ["attendees"] = attendee is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = attendee }, ["type"] = "required" }),
        };
        if (recurrence is null)
        {
            body.Remove("recurrence");
        }

        using var response = await graph.PostAsJsonAsync($"users/{organiser}/events", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
