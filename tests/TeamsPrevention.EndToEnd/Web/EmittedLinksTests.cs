using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.EndToEnd.Infrastructure;
using TeamsPrevention.Shared;
using static TeamsPrevention.EndToEnd.Web.SituationApiSeed;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>
/// Every link the App sends, followed: the App (embedded sandbox, so every link opens the local tab) is made to send
/// each card, bot text and Outlook body that carries one; the links are read back from what reached the sandbox (the
/// personas' chats, its traffic log, its Graph's events) and each is opened in Chromium by the persona who received
/// it, who must land on the page it names with its content (its own API read answered 200). Someone off a situation's
/// list who opens its link gets the page's refusal and no content.
/// </summary>
public sealed class EmittedLinksTests
{
    private const string Pieter = "a1b2c3d4-0006-4000-8000-000000000006";
    private const string Jan = "a1b2c3d4-0004-4000-8000-000000000004";
    private const string Dpo = "a1b2c3d4-0010-4000-8000-000000000010";
    private const string AgendaChannel = "19:sandbox-agenda@thread.tacv2";

    public EmittedLinksTests() => Assertions.SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task EveryAlertLinkOpensTheAlertForItsRecipientWhateverTheCardsState()
    {
        using var app = AppServer.Start();
        using var http = app.CreateHttpClient();
        await using var chromium = await ChromiumFixture.StartAsync();
        var sent = new SentLinks(app, http);
        await sent.InstallEveryoneAsync();

        using var coordinator = await AsAsync(app, Oids.Coordinator);
        var organisations = (JsonArray)await GetAsync(coordinator, "/api/directory/organisations");
        string Organisation(string key) => (string)organisations.Single(o => (string?)o!["key"] == key)!["id"]!;
        var created = await PostAsync(coordinator, "/api/alerts", new
        {
            severity = "Urgent",
            category = "Coordination",
            message = "Réunion de coordination demain 9 h (fictif).",
            organisations = new[] { Organisation("school"), Organisation("cpas") },
        });
        var alertId = (string)created["id"]!;
        bool CarriesAlert(JsonObject a) => (a["attachments"]?.ToJsonString() ?? "").Contains(alertId, StringComparison.Ordinal);
        await sent.WaitForActivityAsync(Oids.SchoolPartner, CarriesAlert);
        await sent.WaitForActivityAsync(Pieter, CarriesAlert);

        // Pieter lists what awaits him; Anne answers from her card (the card is replaced by the answered one).
        await sent.SayAsync(Pieter, "mes alertes");
        await sent.WaitForActivityAsync(Pieter, a => ((string?)a["text"] ?? "").Contains(alertId, StringComparison.Ordinal));
        var answered = await sent.PressAsync(Oids.SchoolPartner, alertId, "alert.acknowledge", new { alertId, answer = "Acknowledged" });
        Assert.True((bool)answered["cardReplaced"]!, answered.ToJsonString());

        // Nobody at the CPAS answers in time: the escalation goes to the Chair (the CPAS partner has no deputy).
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<AlertRecipient>().Where(r => r.AlertId == Guid.Parse(alertId) && r.Answer == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.EscalationDueAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        await sent.WaitForActivityAsync(Oids.Chair, CarriesAlert);

        // The coordinator asks the bot for the compose card, then withdraws the alert (the cards refresh to "withdrawn").
        await sent.SayAsync(Oids.Coordinator, "alerte");
        await sent.WaitForActivityAsync(Oids.Coordinator, a => (a["attachments"]?.ToJsonString() ?? "").Contains("#/alerts/new", StringComparison.Ordinal));
        using (var withdraw = await coordinator.PostAsync(new Uri($"/api/alerts/{alertId}/withdraw", UriKind.Relative), null))
        {
            withdraw.EnsureSuccessStatusCode();
        }

        var links = await sent.CollectAsync();
        AssertIdsAndCodesOnly(links);
        var alertRoute = $"alerts/{alertId}";
        Assert.Contains(links, l => l.ObjectId == Oids.SchoolPartner && l.Route == alertRoute && l.Source.Contains("version 1", StringComparison.Ordinal));
        Assert.Contains(links, l => l.ObjectId == Oids.SchoolPartner && l.Route == alertRoute && l.Source.Contains("version 2", StringComparison.Ordinal));
        Assert.Contains(links, l => l.ObjectId == Pieter && l.Route == alertRoute && l.Source.Contains("(text)", StringComparison.Ordinal));
        Assert.Contains(links, l => l.ObjectId == Oids.Chair && l.Route == alertRoute);
        Assert.Contains(links, l => l.ObjectId == Oids.Coordinator && l.Route == "alerts/new");
        await FollowEachAsync(chromium, links);

        var compose = await SentLinks.FollowAsync(chromium, links.First(l => l.Route == "alerts/new"));
        await Assertions.Expect(compose.GetByRole(AriaRole.Heading, new() { Name = "Nouvelle alerte", Level = 1 })).ToBeVisibleAsync();
        app.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task EverySituationLinkOpensTheSituationOnlyForSomeoneOnItsList()
    {
        using var app = AppServer.Start();
        using var http = app.CreateHttpClient();
        await using var chromium = await ChromiumFixture.StartAsync();
        var sent = new SentLinks(app, http);
        await sent.InstallEveryoneAsync();

        using var referent = await AsAsync(app, Oids.Referent);
        const string signal = "Propos menaçants entendus en classe (fictif).";
        var code = await ReportAsync(referent, signal);

        // The referent asks the bot; the coordinator (not on the list) breaks the glass: the Chair and the DPO are told.
        await sent.SayAsync(Oids.Referent, "mes situations");
        await sent.SayAsync(Oids.Referent, $"situation {code}");
        bool CardNames(JsonObject a) => (a["attachments"]?.ToJsonString() ?? "").Contains(code, StringComparison.Ordinal);
        await sent.WaitForActivityAsync(Oids.Referent, a => CardNames(a) && (a["attachments"]?.ToJsonString() ?? "").Contains("Action.OpenUrl", StringComparison.Ordinal));
        using var coordinator = await AsAsync(app, Oids.Coordinator);
        await PostAsync(coordinator, $"/api/situations/{code}/break-glass", new { reason = "Urgence signalée par la police ce soir (fictif)." });
        bool TextNames(JsonObject a) => ((string?)a["text"] ?? "").Contains(code, StringComparison.Ordinal);
        await sent.WaitForActivityAsync(Oids.Chair, TextNames);
        await sent.WaitForActivityAsync(Dpo, TextNames);

        var links = await sent.CollectAsync();
        AssertIdsAndCodesOnly(links);
        var route = $"situations/{code}";
        Assert.Contains(links, l => l.ObjectId == Oids.Referent && l.Route == route && l.Source.StartsWith("Vos situations", StringComparison.Ordinal));
        Assert.Equal(2, links.Where(l => l.ObjectId == Oids.Referent && l.Route == route).Select(l => l.Source.Split(" (")[0]).Distinct().Count());
        Assert.Contains(links, l => l.ObjectId == Oids.Chair && l.Route == route && l.Source.Contains("(text)", StringComparison.Ordinal));
        Assert.Contains(links, l => l.ObjectId == Dpo && l.Route == route && l.Source.Contains("(text)", StringComparison.Ordinal));
        await FollowEachAsync(chromium, links);

        // Someone off the list, given the referent's link: the page's refusal, no content.
        var link = links.First(l => l.ObjectId == Oids.Referent && l.Route == route);
        var outsider = await SentLinks.FollowAsync(chromium, await sent.LinkForAsync(Oids.AssociationPartner, link.Source, link.Link), status: 404);
        await Assertions.Expect(outsider.GetByRole(AriaRole.Heading, new() { Name = "Situation introuvable", Level = 1 })).ToBeVisibleAsync();
        Assert.DoesNotContain(signal, await outsider.ContentAsync(), StringComparison.Ordinal);
        app.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task EveryMeetingLinkOpensTheMeetingForItsAttendeeFromTeamsAndOutlook()
    {
        using var app = AppServer.Start(new Dictionary<string, string?>
        {
            ["Meetings:PassInterval"] = "00:00:01",
            ["Meetings:AgendaChannelId"] = AgendaChannel,
        });
        using var http = app.CreateHttpClient();
        await using var chromium = await ChromiumFixture.StartAsync();
        var sent = new SentLinks(app, http);
        await sent.InstallEveryoneAsync();
        await AddBotToAgendaChannelAsync(app, http);

        // A case meeting in three hours: reminders are due at once, the agenda card goes to the channel, Outlook gets the event.
        using var coordinator = await AsAsync(app, Oids.Coordinator);
        var people = (JsonArray)await GetAsync(coordinator, "/api/directory/people");
        string Person(string oid) => (string)people.Single(p => (string?)p!["entraObjectId"] == oid)!["id"]!;
        var start = DateTimeOffset.UtcNow.AddHours(3);
        var meeting = await PostAsync(coordinator, "/api/meetings", new
        {
            kind = "Case",
            startAt = start,
            endAt = start.AddHours(2),
            attendeeIds = new[] { Person(Oids.Referent), Person(Jan) },
        });
        var meetingId = (string)meeting["id"]!;
        bool CarriesMeeting(JsonObject a) => (a["attachments"]?.ToJsonString() ?? "").Contains(meetingId, StringComparison.Ordinal);
        await sent.WaitForActivityAsync(Oids.Referent, CarriesMeeting);
        await sent.WaitForActivityAsync(Jan, CarriesMeeting);

        // The referent asks for her next meeting; the coordinator schedules another one from the bot's card.
        await sent.SayAsync(Oids.Referent, "prochaine réunion");
        await sent.WaitForActivityAsync(Oids.Referent, CarriesMeeting, atLeast: 2);
        await sent.SayAsync(Oids.Coordinator, "planifier");
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scheduled = await sent.PressAsync(Oids.Coordinator, "meeting.schedule", "meeting.schedule", new { kind = "Case", date = day, time = "10:00", minutes = "60" });
        Assert.True((bool)scheduled["cardReplaced"]!, scheduled.ToJsonString());

        var links = (await sent.CollectAsync()).ToList();
        var route = $"meetings/{meetingId}";
        Assert.Contains(links, l => l.ObjectId == Oids.Referent && l.Route == route && l.Source.Contains("(version 1)", StringComparison.Ordinal));
        Assert.Contains(links, l => l.ObjectId == Jan && l.Route == route);
        Assert.True(links.Count(l => l.ObjectId == Oids.Referent && l.Route == route && l.Source.EndsWith("(version 1)", StringComparison.Ordinal)) >= 2, "reminder and next meeting");
        Assert.Contains(links, l => l.ObjectId == Oids.Coordinator && l.Route is { } r && r.StartsWith("meetings/", StringComparison.Ordinal) && r != route);
        Assert.Contains(links, l => l.Link.StartsWith(EmittedLinks.JoinPrefix, StringComparison.Ordinal));

        // The Outlook event (as the sandbox's Graph stores it) and the agenda card (as the App posted it to the channel).
        var body = await EventBodyAsync(app, http, meetingId);
        links.Add(await sent.LinkForAsync(Oids.Referent, "Outlook event body", Assert.Single(EmittedLinks.InHtml(body))));
        var agenda = await AgendaCardAsync(http, meetingId);
        links.AddRange(await Task.WhenAll(EmittedLinks.InCard(agenda).Select(l => sent.LinkForAsync(Oids.Referent, "agenda card in the cell's channel", l))));
        Assert.Contains(links, l => l.Source == "Outlook event body" && l.Route == route);
        Assert.Contains(links, l => l.Source.StartsWith("agenda card", StringComparison.Ordinal) && l.Route == route);
        AssertIdsAndCodesOnly(links);
        await FollowEachAsync(chromium, links);
    }

    /// <summary>Every link to the tab names its page by ids and codes only, and none carries a persona's name.</summary>
    private static void AssertIdsAndCodesOnly(IEnumerable<SentLink> links)
    {
        foreach (var link in links)
        {
            Assert.True(link.Route is null || EmittedLinks.NamesIdsAndCodesOnly(link.Route), $"{link.Source}: {link.Link}");
            Assert.DoesNotContain(TeamsPrevention.Sandbox.Tenant.DemoTenant.Personas, p => Uri.UnescapeDataString(link.Link).Contains(p.DisplayName, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Opens each link to the tab once per person who received it, signed in as that person.</summary>
    private static async Task FollowEachAsync(ChromiumFixture chromium, IEnumerable<SentLink> links)
    {
        foreach (var link in links.Where(l => l.Route is not null).DistinctBy(l => (l.ObjectId, l.Link)))
        {
            var page = await SentLinks.FollowAsync(chromium, link);
            await page.Context.CloseAsync();
        }
    }

    /// <summary>The bot added to the cell team's agenda channel, as Teams tells it (a channel's conversationUpdate).</summary>
    private static async Task AddBotToAgendaChannelAsync(AppServer app, HttpClient http)
    {
        var config = await http.GetFromJsonAsync<JsonObject>("/tab-config.json");
        var botId = "28:" + (string)config!["clientId"]!;
        var tenant = (string)config["tenantId"]!;
        var activity = new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["channelId"] = "msteams",
            ["serviceUrl"] = new Uri(app.BaseAddress, "sandbox/connector/").ToString(),
            ["recipient"] = new JsonObject { ["id"] = botId },
            ["from"] = new JsonObject { ["id"] = "29:sandbox-marc", ["aadObjectId"] = Oids.Coordinator },
            ["conversation"] = new JsonObject { ["id"] = AgendaChannel, ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = tenant },
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = botId }),
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = tenant },
                ["team"] = new JsonObject { ["id"] = AgendaChannel, ["aadGroupId"] = "b7e3d9a0-1c2f-4e5d-8a6b-9c0d1e2f3a41" },
                ["channel"] = new JsonObject { ["id"] = AgendaChannel },
                ["eventType"] = "teamMemberAdded",
            },
        };
        // Signed as the channel signs it (the embedded sandbox's Bot Framework key): an anonymous turn stores nothing.
        var token = app.Services.GetRequiredService<TeamsPrevention.Sandbox.Identity.BotFrameworkTokenIssuer>()
            .CreateToken((string)config["clientId"]!, (string)activity["serviceUrl"]!);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative)) { Content = JsonContent.Create(activity) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The meeting's Outlook event body, read from the sandbox's Graph as the App (its client credentials).</summary>
    private static async Task<string> EventBodyAsync(AppServer app, HttpClient http, string meetingId)
    {
        var config = await http.GetFromJsonAsync<JsonObject>("/tab-config.json");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = (string)config!["clientId"]!,
            ["client_secret"] = "sandbox-secret-not-for-production",
            ["scope"] = "https://graph.microsoft.com/.default",
        });
        using var token = await http.PostAsync(new Uri($"/sandbox/login/{config["tenantId"]}/oauth2/v2.0/token", UriKind.Relative), form);
        token.EnsureSuccessStatusCode();
        using var graph = app.CreateHttpClient();
        graph.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)(await token.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!);

        // Whose calendar the App wrote the event in: the path of its creation, in the traffic log.
        var traffic = (await http.GetFromJsonAsync<JsonArray>("/sandbox/traffic?pathPrefix=/sandbox/graph/v1.0/users/"))!;
        var created = traffic.OfType<JsonObject>().Last(t => (string?)t["method"] == "POST" && ((string)t["path"]!).EndsWith("/events", StringComparison.Ordinal));
        var events = (await graph.GetFromJsonAsync<JsonObject>(((string)created["path"]!).TrimStart('/')))!["value"]!.AsArray();
        var body = events.Select(e => (string?)e!["body"]?["content"]).Single(b => b is not null && b.Contains(meetingId, StringComparison.Ordinal));
        return body!;
    }

    /// <summary>The agenda card the App posted to the cell's channel, from the sandbox's traffic log.</summary>
    private static async Task<JsonNode?> AgendaCardAsync(HttpClient http, string meetingId)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var traffic = (await http.GetFromJsonAsync<JsonArray>("/sandbox/traffic?pathPrefix=/sandbox/connector/v3/conversations/"))!;
            var posted = traffic.OfType<JsonObject>().LastOrDefault(t => (string?)t["method"] == "POST"
                && ((string)t["path"]!).Contains("sandbox-agenda", StringComparison.Ordinal)
                && ((string?)t["body"] ?? "").Contains(meetingId, StringComparison.Ordinal));
            if (posted is not null)
            {
                return JsonNode.Parse((string)posted["body"]!)?["attachments"];
            }

            Assert.True(DateTime.UtcNow < until, "No agenda card was posted to the cell's channel.");
            await Task.Delay(500);
        }
    }
}
