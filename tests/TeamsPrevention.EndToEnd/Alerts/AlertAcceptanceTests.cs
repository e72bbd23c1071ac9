using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.EndToEnd.Infrastructure;
using TeamsPrevention.EndToEnd.Web;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.EndToEnd.Alerts;

/// <summary>
/// Issue #5's acceptance, end to end over HTTP against the real App on Kestrel with its embedded sandbox: the
/// coordinator sends an Urgent alert to three partner organisations; each partner gets a content-free card in the
/// sandbox inbox; two answer from the card; the coordinator sees the answers arrive; when the deadline passes (the
/// shared clock jumps past it) the organisation that did not answer is escalated to its contact's deputy, who gets a
/// card, the alert among those addressed to him, and the tracking shows it escalated.
/// </summary>
public sealed class AlertAcceptanceTests
{
    private const string Message = "Message d'alerte de recette, jamais sur une carte (fictif).";
    private static readonly DemoPersona Coordinator = DemoTenant.Personas.First(p => p.Role == "Coordinator");
    private static readonly DemoPersona Admin = DemoTenant.Personas.First(p => p.Role == "Admin");
    private static readonly DemoPersona Anne = DemoTenant.Personas.First(p => p.OrganisationKey == "school");
    private static readonly DemoPersona Pieter = DemoTenant.Personas.First(p => p.OrganisationKey == "cpas");
    private static readonly DemoPersona Emma = DemoTenant.Personas.First(p => p.OrganisationKey == "youth");
    private static readonly DemoPersona Karim = DemoTenant.Personas.First(p => p.OrganisationKey == "association");

    [Fact]
    public async Task PartnersAnswerFromTheirCardsAndTheSilentOrganisationIsEscalatedToItsDeputyAtTheDeadline()
    {
        var clock = new ShiftedTimeProvider();
        using var app = AppServer.Start(
            new Dictionary<string, string?> { ["Alerts:PollInterval"] = "00:00:00.200" },
            services => services.AddSingleton<TimeProvider>(clock));
        using var sandbox = app.CreateHttpClient();
        sandbox.BaseAddress = new Uri(app.BaseAddress, "sandbox/");

        // Tokens for the tab's API, before the clock moves (the App checks their lifetime on the real clock).
        using var coordinator = await SituationApiSeed.AsAsync(app, Coordinator.ObjectId);
        using var admin = await SituationApiSeed.AsAsync(app, Admin.ObjectId);
        using var deputyApi = await SituationApiSeed.AsAsync(app, Karim.ObjectId);

        // The CPAS's contact has a deputy: Karim, of another organisation (created through the directory API).
        var people = (await admin.GetFromJsonAsync<JsonArray>("/api/directory/people"))!;
        Guid PersonId(DemoPersona persona) => people.Single(p => p!["entraObjectId"]!.GetValue<string>() == persona.ObjectId)!["id"]!.GetValue<Guid>();
        using (var deputy = await admin.PostAsJsonAsync("/api/directory/deputies", new { personId = PersonId(Pieter), deputyId = PersonId(Karim) }))
        {
            Assert.Equal(HttpStatusCode.Created, deputy.StatusCode);
        }

        foreach (var partner in new[] { Anne, Pieter, Emma })
        {
            using var installed = await sandbox.PostAsync($"inbox/{partner.ObjectId}/install", null);
            installed.EnsureSuccessStatusCode();
        }

        var organisations = (await coordinator.GetFromJsonAsync<JsonArray>("/api/directory/organisations"))!
            .ToDictionary(o => o!["key"]!.GetValue<string>(), o => o!["id"]!.GetValue<Guid>());
        using var created = await coordinator.PostAsJsonAsync("/api/alerts", new
        {
            severity = "Urgent",
            category = "Signal",
            message = Message,
            organisations = new[] { organisations["school"], organisations["cpas"], organisations["youth"] },
        });
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var alertId = body["id"]!.GetValue<Guid>();
        var deadline = body["deadline"]!.GetValue<DateTimeOffset>();

        // Each partner gets one content-free card.
        var cards = new Dictionary<string, JsonObject>();
        foreach (var partner in new[] { Anne, Pieter, Emma })
        {
            cards[partner.ObjectId] = await CardAsync(sandbox, partner, alertId);
        }

        // Two answer from their card; the card they see is replaced and shows the answer.
        foreach (var (partner, verb) in new[] { (Anne, "alert.acknowledge"), (Emma, "alert.needinfo") })
        {
            using var answer = await sandbox.PostAsJsonAsync($"inbox/{partner.ObjectId}/invoke", new
            {
                replyToId = cards[partner.ObjectId]["id"]!.GetValue<string>(),
                verb,
                data = new { alertId },
            });
            var result = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
            Assert.Equal(200, result["status"]!.GetValue<int>());
            Assert.True(result["cardReplaced"]!.GetValue<bool>());
        }

        // The coordinator sees the answers arrive; the CPAS still waits, not escalated before the deadline.
        var tracking = await TrackingAsync(coordinator, alertId);
        Assert.Equal(2, tracking["counts"]!["answered"]!.GetValue<int>());
        Assert.Equal("Acknowledged", Recipient(tracking, "Confluent")["answer"]!.GetValue<string>());
        Assert.Equal(Anne.DisplayName, Recipient(tracking, "Confluent")["answeredBy"]!.GetValue<string>());
        Assert.Equal("NeedMoreInformation", Recipient(tracking, "AMO")["answer"]!.GetValue<string>());
        Assert.Null(Recipient(tracking, "CPAS")["answer"]);
        Assert.Equal(0, Recipient(tracking, "CPAS")["escalationLevel"]!.GetValue<int>());
        Assert.Equal(0, tracking["counts"]!["escalated"]!.GetValue<int>());
        Assert.DoesNotContain(await InboxAsync(sandbox, Karim) ?? [], a => Json(a!).Contains(alertId.ToString(), StringComparison.OrdinalIgnoreCase));

        // The deadline passes: the CPAS is escalated to Karim, who gets a card; the tracking shows it.
        clock.Advance(deadline - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (Recipient(tracking = await TrackingAsync(coordinator, alertId), "CPAS")["escalationLevel"]!.GetValue<int>() == 0)
        {
            Assert.True(DateTime.UtcNow < until, "The CPAS was not escalated after its deadline.");
            await Task.Delay(200);
        }

        var cpas = Recipient(tracking, "CPAS");
        Assert.Equal(1, cpas["escalationLevel"]!.GetValue<int>());
        Assert.Equal(Karim.DisplayName, Assert.Single(cpas["escalatedTo"]!.AsArray())!.GetValue<string>());
        Assert.Null(cpas["answer"]);
        Assert.Equal(1, tracking["counts"]!["escalated"]!.GetValue<int>());
        Assert.Equal(0, Recipient(tracking, "Confluent")["escalationLevel"]!.GetValue<int>());
        Assert.Equal(0, Recipient(tracking, "AMO")["escalationLevel"]!.GetValue<int>());

        await CardAsync(sandbox, Karim, alertId);
        var received = (await deputyApi.GetFromJsonAsync<JsonArray>("/api/alerts/received"))!.Single(a => a!["id"]!.GetValue<Guid>() == alertId)!;
        Assert.Equal("Escalated", received["role"]!.GetValue<string>());
        Assert.Equal("Pending", received["state"]!.GetValue<string>());
        tracking = await TrackingAsync(coordinator, alertId);
        Assert.Contains(tracking["deliveries"]!.AsArray(), d => d!["person"]!.GetValue<string>() == Karim.DisplayName
            && d["reason"]!.GetValue<string>() == "Escalation" && d["status"]!.GetValue<string>() == "Sent");
        app.AssertNoErrorsLogged();
    }

    /// <summary>Waits for the persona's one alert card and checks that it carries nothing about the message or any person.</summary>
    private static async Task<JsonObject> CardAsync(HttpClient sandbox, DemoPersona persona, Guid alertId)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var alertCards = (await InboxAsync(sandbox, persona) ?? [])
                .Where(a => Json(a!["activity"]!).Contains(alertId.ToString(), StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (alertCards.Count > 0)
            {
                var card = Assert.Single(alertCards)!.AsObject();
                var activity = Json(card["activity"]!);
                Assert.Contains("application/vnd.microsoft.card.adaptive", activity, StringComparison.Ordinal);
                Assert.DoesNotContain("recette", activity, StringComparison.Ordinal);
                Assert.All(DemoTenant.Personas, p => Assert.DoesNotContain(p.DisplayName, activity, StringComparison.Ordinal));
                return card;
            }

            Assert.True(DateTime.UtcNow < until, $"No card reached {persona.Role} of {persona.OrganisationKey}.");
            await Task.Delay(200);
        }
    }

    private static string Json(JsonNode node) =>
        node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The bot's activities in the persona's chat (null when there is no chat); the stored cards, not refreshed views.</summary>
    private static async Task<JsonArray?> InboxAsync(HttpClient sandbox, DemoPersona persona)
    {
        var inbox = await sandbox.GetFromJsonAsync<JsonObject>($"inbox/{persona.ObjectId}?refresh=false");
        return inbox!["conversation"]?["activities"] is JsonArray all
            ? new JsonArray([.. all.Where(a => a!["from"]!.GetValue<string>() == "bot").Select(a => a!.DeepClone())])
            : null;
    }

    private static async Task<JsonObject> TrackingAsync(HttpClient coordinator, Guid alertId) =>
        (await coordinator.GetFromJsonAsync<JsonObject>($"/api/alerts/{alertId}"))!;

    private static JsonObject Recipient(JsonObject tracking, string nameContains) =>
        tracking["recipients"]!.AsArray().Single(r => r!["name"]!.GetValue<string>().Contains(nameContains, StringComparison.Ordinal))!.AsObject();
}
