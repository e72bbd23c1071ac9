using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>Alerts through the real App and the sandbox over HTTP: delivery, cards in the inboxes, answers from the cards.</summary>
public sealed class AlertDeliveryTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");
    private static readonly DemoPersona Anne = DemoTenant.Personas.First(p => p.OrganisationKey == "school");
    private static readonly DemoPersona Pieter = DemoTenant.Personas.First(p => p.OrganisationKey == "cpas");
    private static readonly DemoPersona Emma = DemoTenant.Personas.First(p => p.OrganisationKey == "youth");

    [Fact]
    public async Task DeliversContentFreeCardsThatPartnersAnswerForTheirOrganisation()
    {
        await using var harness = await AlertHarness.StartAsync(DatabaseProvider.Sqlite);
        var app = harness.StartApp();
        var organisations = await OrganisationsAsync(app);
        var code = await ReportAsync(app, Coordinator); // An alert names only a situation its sender sees.

        var alertId = await harness.SendAsync(app, Coordinator, new
        {
            severity = "Urgent",
            category = "Signal",
            message = "Message confidentiel de test",
            situationCode = code,
            organisations = new[] { organisations["school"], organisations["cpas"], organisations["youth"] },
        });

        foreach (var persona in new[] { Anne, Pieter, Emma })
        {
            await AlertHarness.EventuallyAsync(async () => (await harness.InboxAsync(persona.ObjectId)).Count == 1, because: "every partner gets one card");
        }

        var anneCard = (await harness.InboxAsync(Anne.ObjectId))[0]["activity"]!.AsObject();
        var pieterCard = (await harness.InboxAsync(Pieter.ObjectId))[0]["activity"]!.AsObject();
        Assert.Equal("Nouvelle alerte — ouvrez TeamsPrevention", anneCard["summary"]!.GetValue<string>());
        Assert.Equal("Nouvelle alerte — ouvrez TeamsPrevention", anneCard["text"]!.GetValue<string>());
        Assert.Equal("Nieuwe melding — open TeamsPrevention", pieterCard["summary"]!.GetValue<string>());
        foreach (var card in new[] { anneCard, pieterCard })
        {
            var json = AlertCardsTests.Json(card);
            Assert.DoesNotContain("Message confidentiel", json, StringComparison.Ordinal);
            Assert.All(DemoTenant.Personas, p => Assert.DoesNotContain(p.DisplayName, json, StringComparison.Ordinal));
            Assert.Contains(code, json, StringComparison.Ordinal);
        }

        Assert.Contains("Dit hulpmiddel is geen noodkanaal: bel 101 of 112.", AlertCardsTests.Json(pieterCard), StringComparison.Ordinal);

        // Anne answers for the school from her card; a second click changes nothing.
        var first = await InvokeAsync(harness, Anne.ObjectId, anneCard["id"]!.GetValue<string>(), alertId, "alert.acknowledge");
        var second = await InvokeAsync(harness, Anne.ObjectId, anneCard["id"]!.GetValue<string>(), alertId, "alert.notconcerned");
        Assert.True(first["cardReplaced"]!.GetValue<bool>());
        Assert.True(second["cardReplaced"]!.GetValue<bool>());

        var tracking = await AlertHarness.TrackingAsync(app, alertId, Coordinator);
        Assert.Equal(1, tracking["counts"]!["answered"]!.GetValue<int>());
        Assert.Equal(3, tracking["counts"]!["sent"]!.GetValue<int>());
        var school = tracking["recipients"]!.AsArray().Single(r => r!["name"]!.GetValue<string>().Contains("Confluent", StringComparison.Ordinal))!;
        Assert.Equal("Acknowledged", school["answer"]!.GetValue<string>());
        Assert.Equal(Anne.DisplayName, school["answeredBy"]!.GetValue<string>());

        // Everyone's card shows the answer (updated in place), Anne's too.
        await AlertHarness.EventuallyAsync(
            async () => AlertCardsTests.Json((await harness.InboxAsync(Pieter.ObjectId))[0]["activity"]!).Contains("Antwoorden", StringComparison.Ordinal),
            because: "the other partners' cards are updated with the answer");
        var anneNow = AlertCardsTests.Json((await harness.InboxAsync(Anne.ObjectId))[0]["activity"]!);
        Assert.Contains("École secondaire du Confluent (fictive) : réception accusée", anneNow, StringComparison.Ordinal);
        Assert.DoesNotContain(Anne.DisplayName, anneNow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsMessageWritesBlockedAsFinalAndWithdrawalUpdatesCards()
    {
        await using var harness = await AlertHarness.StartAsync(DatabaseProvider.Sqlite);
        var app = harness.StartApp();
        harness.Sandbox.State.InstallApp(DemoTenant.TenantId, Pieter.ObjectId, DemoTenant.BotAppId);
        using (var blocked = await harness.Sandbox.Http.PutAsJsonAsync($"inbox/{Pieter.ObjectId}/blocked", new { blocked = true }))
        {
            blocked.EnsureSuccessStatusCode();
        }

        var organisations = await OrganisationsAsync(app);
        var alertId = await harness.SendAsync(app, Coordinator, new
        {
            severity = "Info",
            category = "Coordination",
            message = "Test",
            organisations = new[] { organisations["school"], organisations["cpas"] },
        });

        await AlertHarness.EventuallyAsync(async () =>
        {
            var deliveries = await harness.DeliveriesAsync(app, alertId);
            return deliveries.All(d => d.Status is AlertDeliveryStatus.Sent or AlertDeliveryStatus.Failed);
        });
        var rows = await harness.DeliveriesAsync(app, alertId);
        var failed = Assert.Single(rows, r => r.Status == AlertDeliveryStatus.Failed);
        Assert.Equal("MessageWritesBlocked", failed.FailureReason);
        Assert.Equal(1, failed.Attempts);

        using var client = app.CreateClient(Coordinator);
        using var withdrawn = await client.PostAsync($"/api/alerts/{alertId}/withdraw", null);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, withdrawn.StatusCode);
        await AlertHarness.EventuallyAsync(
            async () => AlertCardsTests.Json((await harness.InboxAsync(Anne.ObjectId))[0]["activity"]!).Contains("Cette alerte a été retirée.", StringComparison.Ordinal),
            because: "the sent card shows the withdrawal");
        var card = (await harness.InboxAsync(Anne.ObjectId))[0]["activity"]!;
        Assert.DoesNotContain("Action.Execute", AlertCardsTests.Json(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HonoursRetryAfterAndDeliversEverythingWhenThrottled()
    {
        await using var harness = await AlertHarness.StartAsync(DatabaseProvider.Sqlite);
        var app = harness.StartApp();
        using (var faults = await harness.Sandbox.Http.PutAsJsonAsync("faults", new
        {
            seed = 7,
            rules = new[] { new { method = "POST", path = "connector/v3/conversations/*/activities", fault = "status", status = 429, retryAfterSeconds = 1, rate = 0.5 } },
        }))
        {
            faults.EnsureSuccessStatusCode();
        }

        var alertId = await harness.SendAsync(app, Coordinator, new { severity = "Elevated", category = "Information", message = "Test", roles = new[] { "Partner", "Referent", "PoliceReferent" } });

        await AlertHarness.EventuallyAsync(async () => (await harness.DeliveriesAsync(app, alertId)).All(d => d.Status == AlertDeliveryStatus.Sent), TimeSpan.FromSeconds(60));
        var traffic = (await harness.Sandbox.Http.GetFromJsonAsync<JsonArray>("traffic"))!;
        var sends = traffic.Where(e => e!["method"]!.GetValue<string>() == "POST" && e["path"]!.GetValue<string>().EndsWith("/activities", StringComparison.Ordinal)).ToList();
        Assert.Contains(sends, e => e!["status"]!.GetValue<int>() == 429);
        var recipients = DemoTenant.Personas.Count(p => p.Role is "Partner" or "Referent" or "PoliceReferent" && p.OrganisationKey != "other");
        Assert.Equal(recipients, sends.Count(e => e!["status"]!.GetValue<int>() is >= 200 and < 300));
        foreach (var persona in DemoTenant.Personas.Where(p => p.Role is "Partner" or "Referent" or "PoliceReferent" && p.OrganisationKey != "other"))
        {
            Assert.Single(await harness.InboxAsync(persona.ObjectId));
        }
    }

    internal static async Task<Dictionary<string, Guid>> OrganisationsAsync(DatabaseApp app)
    {
        using var client = app.CreateClient(Coordinator);
        var list = await client.GetFromJsonAsync<JsonArray>("/api/directory/organisations");
        return list!.ToDictionary(o => o!["key"]!.GetValue<string>(), o => o!["id"]!.GetValue<Guid>());
    }

    /// <summary>Reports a signal through the App's API as <paramref name="oid"/> (who is then on its list); its code.</summary>
    internal static async Task<string> ReportAsync(DatabaseApp app, string oid)
    {
        using var client = app.CreateClient(oid);
        using var response = await client.PostAsJsonAsync("/api/situations", new { text = "Signal de test" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["code"]!.GetValue<string>();
    }

    private static async Task<JsonObject> InvokeAsync(AlertHarness harness, string oid, string cardId, Guid alertId, string verb)
    {
        using var response = await harness.Sandbox.Http.PostAsJsonAsync($"inbox/{oid}/invoke", new { replyToId = cardId, verb, data = new { alertId } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }
}
