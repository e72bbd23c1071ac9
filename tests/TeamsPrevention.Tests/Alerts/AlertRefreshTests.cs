using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>
/// With Teams' default refresh limit (60): the cards carry <c>refresh.userIds</c>, nothing is re-posted after an
/// answer, and the sandbox's inbox (like Teams) shows each recipient the up-to-date card through the refresh invoke.
/// </summary>
public sealed class AlertRefreshTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");
    private static readonly DemoPersona Anne = DemoTenant.Personas.First(p => p.OrganisationKey == "school");
    private static readonly DemoPersona Pieter = DemoTenant.Personas.First(p => p.OrganisationKey == "cpas");
    private static readonly DemoPersona Emma = DemoTenant.Personas.First(p => p.OrganisationKey == "youth");

    [Fact]
    public async Task RecipientSeesWhoAnsweredThroughRefreshWithoutCardUpdate()
    {
        // The harness turns refresh off for the other tests; this one runs with the product's default (Teams' 60).
        var defaultLimit = new AlertOptions().RefreshUserLimit;
        Assert.Equal(60, defaultLimit);
        await using var harness = await AlertHarness.StartAsync(
            DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Alerts:RefreshUserLimit"] = defaultLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var app = harness.StartApp();
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);
        var alertId = await harness.SendAsync(app, Coordinator, new
        {
            severity = "Urgent",
            category = "Signal",
            message = "Message confidentiel de test",
            organisations = new[] { organisations["school"], organisations["cpas"], organisations["youth"] },
        });
        foreach (var persona in new[] { Anne, Pieter, Emma })
        {
            await AlertHarness.EventuallyAsync(async () => (await harness.InboxAsync(persona.ObjectId)).Count == 1, because: "every partner gets one card");
        }

        var pieterBefore = (await harness.InboxAsync(Pieter.ObjectId))[0];
        var userIds = pieterBefore["activity"]!["attachments"]![0]!["content"]!["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        Assert.Equal([Anne.TeamsUserId, Pieter.TeamsUserId, Emma.TeamsUserId], userIds.Order(StringComparer.Ordinal));
        Assert.True(pieterBefore["refreshed"]!.GetValue<bool>());
        Assert.DoesNotContain("Antwoorden", Displayed(pieterBefore), StringComparison.Ordinal);

        var anneCard = (await harness.InboxAsync(Anne.ObjectId))[0];
        using (var answer = await harness.Sandbox.Http.PostAsJsonAsync(
            $"inbox/{Anne.ObjectId}/invoke", new { replyToId = anneCard["id"]!.GetValue<string>(), verb = "alert.acknowledge", data = new { alertId } }))
        {
            Assert.True((await answer.Content.ReadFromJsonAsync<JsonObject>())!["cardReplaced"]!.GetValue<bool>());
        }

        // Pieter's card, as his inbox shows it, names the organisation that answered (in Dutch): through refresh.
        var pieterAfter = (await harness.InboxAsync(Pieter.ObjectId))[0];
        Assert.True(pieterAfter["refreshed"]!.GetValue<bool>());
        Assert.Contains("École secondaire du Confluent (fictive): ontvangst bevestigd", Displayed(pieterAfter), StringComparison.Ordinal);
        Assert.DoesNotContain(Anne.DisplayName, Displayed(pieterAfter), StringComparison.Ordinal);

        // The message itself was never re-posted: within the refresh limit the App schedules no update.
        Assert.Single(pieterAfter["versions"]!.AsArray());
        Assert.DoesNotContain("Antwoorden", AlertCardsTests.Json(pieterAfter["activity"]!), StringComparison.Ordinal);
        var deliveries = await harness.DeliveriesAsync(app, alertId);
        Assert.All(deliveries, d => Assert.False(d.PendingUpdate));
        var traffic = (await harness.Sandbox.Http.GetFromJsonAsync<JsonArray>("traffic"))!;
        Assert.Contains(traffic, e => e!["method"]!.GetValue<string>() == "POST" && e["path"]!.GetValue<string>().Contains("/activities", StringComparison.Ordinal));
        Assert.DoesNotContain(traffic, e => e!["method"]!.GetValue<string>() == "PUT");
    }

    /// <summary>
    /// The refresh list is all or nothing: with as many cards as the limit every card names every recipient; one card
    /// more and no card carries a list (the answers then replace the sent cards instead).
    /// </summary>
    [Theory]
    [InlineData(3, true)]
    [InlineData(2, false)]
    public async Task CardsCarryTheRefreshListOnlyUpToTheLimit(int limit, bool listed)
    {
        await using var harness = await AlertHarness.StartAsync(
            DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Alerts:RefreshUserLimit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var app = harness.StartApp();
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);
        await harness.SendAsync(app, Coordinator, new
        {
            severity = "Info",
            category = "Signal",
            message = "Message confidentiel de test",
            organisations = new[] { organisations["school"], organisations["cpas"], organisations["youth"] },
        });

        foreach (var persona in new[] { Anne, Pieter, Emma })
        {
            await AlertHarness.EventuallyAsync(async () => (await harness.InboxAsync(persona.ObjectId)).Count == 1, because: "every partner gets one card");
            var card = (await harness.InboxAsync(persona.ObjectId))[0]["activity"]!["attachments"]![0]!["content"]!;
            if (listed)
            {
                var userIds = card["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>());
                Assert.Equal([Anne.TeamsUserId, Pieter.TeamsUserId, Emma.TeamsUserId], userIds.Order(StringComparer.Ordinal));
            }
            else
            {
                Assert.Null(card["refresh"]);
            }
        }
    }

    private static string Displayed(JsonNode activity) => AlertCardsTests.Json(activity["attachments"]![0]!["content"]!);
}
