using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>
/// Every refusal of access around alerts (issue 19 item 5) leaves a Denied entry: an alert to the list of a situation the
/// sender may not see, a stranger's answer (tab and card), someone else's withdrawal, a card refresh for a stranger.
/// </summary>
public sealed class AlertRefusalAuditTests
{
    private static readonly DemoPersona Anne = DemoTenant.Personas.First(p => p.OrganisationKey == "school");
    private static readonly DemoPersona Karim = DemoTenant.Personas.First(p => p.OrganisationKey == "association");

    [Theory, BothProviders]
    public async Task AuditsTheRefusedListAnswerAndWithdrawal(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var code = await h.ReportAsync(DemoPeople.Referent); // The coordinator is not on its list.
        var anne = await h.PersonIdAsync(Anne.ObjectId);

        using var toTheList = await h.PostAsync(DemoPeople.Coordinator, "/api/alerts", new { severity = "Info", category = "FollowUp", message = "Suivi", situationCode = code, needToKnow = true });
        using var sent = await h.PostAsync(DemoPeople.Coordinator, "/api/alerts", new { severity = "Info", category = "Information", message = "Réunion", people = new[] { anne } });
        var alertId = (await sent.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        using var stranger = await h.PostAsync(Karim.ObjectId, $"/api/alerts/{alertId}/answer", new { answer = "Acknowledged" });
        using var withdrawal = await h.PostAsync(DemoPeople.Referent, $"/api/alerts/{alertId}/withdraw");
        using var recipient = await h.PostAsync(Anne.ObjectId, $"/api/alerts/{alertId}/answer", new { answer = "Acknowledged" });

        Assert.Equal(HttpStatusCode.BadRequest, toTheList.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdrawal.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recipient.StatusCode);
        var denials = (await h.AuditAsync()).Where(e => e.Action == AuditAction.Denied).ToList();
        Assert.Equal(
            [
                (DemoPeople.Coordinator, code, "alert about a situation the sender may not see refused"),
                (Karim.ObjectId, null, "alert answer refused: not a recipient"),
                (DemoPeople.Referent, null, "alert withdrawal refused"),
            ],
            denials.Select(d => (d.Actor, d.SituationCode, d.Purpose)));
        Assert.All(denials, d => Assert.Equal(AuditOutcome.Denied, d.Outcome));
        Assert.Equal([alertId.ToString(), alertId.ToString()], denials.Skip(1).Select(d => d.TargetId));
        Assert.False(await h.InScopeAsync(db => db.Set<Alert>().AnyAsync(a => a.Id == alertId && a.WithdrawnAt != null)));
    }

    /// <summary>
    /// An alert names only a situation its sender sees: a code the sender is not on the list of, a code that does not
    /// exist and text that is no code get the same refusal in the sender's language (so codes cannot be probed), nothing
    /// is queued, and each refusal is audited as Denied — with the code when it is one, never the text typed.
    /// </summary>
    [Theory, BothProviders]
    public async Task RefusesAnAlertAboutASituationTheSenderMayNotSeeInTheSendersLanguage(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var code = await h.ReportAsync(DemoPeople.Referent); // Neither the coordinator nor Anne is on its list.
        var anne = await h.PersonIdAsync(Anne.ObjectId);
        var karim = await h.PersonIdAsync(Karim.ObjectId);
        var pieter = DemoTenant.Personas.First(p => p.OrganisationKey == "cpas"); // Speaks Dutch.

        var refused = new List<(string Oid, string Typed, string Expected)>
        {
            (DemoPeople.Coordinator, code, "Aucune situation que vous pouvez voir ne porte ce code."),
            (DemoPeople.Coordinator, code.ToLowerInvariant(), "Aucune situation que vous pouvez voir ne porte ce code."),
            (DemoPeople.Coordinator, "ZZZ-ZZZ", "Aucune situation que vous pouvez voir ne porte ce code."),
            (DemoPeople.Coordinator, "Jean Dupont", "Aucune situation que vous pouvez voir ne porte ce code."),
            (pieter.ObjectId, code, "Geen situatie die u mag zien heeft deze code."),
        };
        foreach (var (oid, typed, expected) in refused)
        {
            using var response = await h.PostAsync(oid, "/api/alerts", new { severity = "Info", category = "FollowUp", message = "Suivi", situationCode = typed, people = new[] { karim } });
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(expected, body, StringComparison.Ordinal);
        }

        // The referent is on the list: the same alert, typed in lower case, is sent and stored under the code.
        using var allowed = await h.PostAsync(DemoPeople.Referent, "/api/alerts", new { severity = "Info", category = "FollowUp", message = "Suivi", situationCode = code.ToLowerInvariant(), people = new[] { anne } });
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal([code], await h.InScopeAsync(db => db.Set<Alert>().Select(a => a.SituationCode).ToListAsync()));

        var denials = (await h.AuditAsync()).Where(e => e.Action == AuditAction.Denied).ToList();
        Assert.Equal(
            [(DemoPeople.Coordinator, code), (DemoPeople.Coordinator, code), (DemoPeople.Coordinator, "ZZZ-ZZZ"), (DemoPeople.Coordinator, null), (pieter.ObjectId, code)],
            denials.Select(d => (d.Actor, d.SituationCode)));
        Assert.All(denials, d => Assert.Equal("alert about a situation the sender may not see refused", d.Purpose));
        Assert.DoesNotContain(await h.AuditAsync(), e => (e.SituationCode ?? "").Contains("Dupont", StringComparison.Ordinal) || (e.Purpose ?? "").Contains("Dupont", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditsACardAnswerAndRefreshBySomeoneWhoIsNotARecipient()
    {
        await using var harness = await AlertHarness.StartAsync(DatabaseProvider.Sqlite);
        var app = harness.StartApp();
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);
        var coordinator = AlertHarness.Oid("Coordinator");
        var toAnne = await harness.SendAsync(app, coordinator, new { severity = "Info", category = "Information", message = "Pour l'école", organisations = new[] { organisations["school"] } });
        var toKarim = await harness.SendAsync(app, coordinator, new { severity = "Info", category = "Information", message = "Pour l'association", organisations = new[] { organisations["association"] } });
        await AlertHarness.EventuallyAsync(async () => (await harness.InboxAsync(Anne.ObjectId)).Count == 1, because: "Anne gets her card");
        var card = (await harness.InboxAsync(Anne.ObjectId))[0]["id"]!.GetValue<string>();

        // Anne presses her own card, naming the alert addressed to Karim's association.
        foreach (var verb in new[] { "alert.acknowledge", "alert.refresh" })
        {
            using var pressed = await harness.Sandbox.Http.PostAsJsonAsync($"inbox/{Anne.ObjectId}/invoke", new { replyToId = card, verb, data = new { alertId = toKarim } });
            Assert.DoesNotContain("Pour l'association", await pressed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var denials = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == AuditAction.Denied).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(
            [(Anne.ObjectId, toKarim.ToString(), "alert answer refused: not a recipient"), (Anne.ObjectId, toKarim.ToString(), "alert card refresh refused")],
            denials.Select(d => (d.Actor, d.TargetId, d.Purpose)));
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AlertRecipient>().AnyAsync(r => r.AlertId == toKarim && r.Answer != null)));
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AlertRecipient>().AnyAsync(r => r.AlertId == toAnne && r.Answer != null)));
    }
}
