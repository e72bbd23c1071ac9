using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Data;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>
/// Need-to-know in alert tracking (issue 19 item 8): a follower reads an alert's message and situation code only when
/// they may see that situation (or sent it); otherwise its metadata — in the tracking view, the list and the CSV export.
/// </summary>
public sealed class AlertTrackingNeedToKnowTests
{
    private const string Message = "Message confidentiel Quibbleworth";
    private static readonly DemoPersona Anne = DemoTenant.Personas.First(p => p.OrganisationKey == "school");

    [Theory, BothProviders]
    public async Task ShowsTheMessageAndCodeOnlyToFollowersWhoMaySeeTheSituation(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var code = await h.ReportAsync(DemoPeople.Referent); // On its list: the referent only (and the Chair sees all).
        var anne = await h.PersonIdAsync(Anne.ObjectId);
        var coded = await SendAsync(h, new { severity = "Elevated", category = "FollowUp", message = Message, situationCode = code, people = new[] { anne } });
        var general = await SendAsync(h, new { severity = "Info", category = "Information", message = "Réunion plénière jeudi", people = new[] { anne } });

        var coordinator = (await h.GetJsonAsync(DemoPeople.Coordinator, $"/api/alerts/{coded}"))!;
        Assert.True(coordinator["restricted"]!.GetValue<bool>());
        Assert.Null(coordinator["message"]);
        Assert.Null(coordinator["situationCode"]);
        Assert.Equal(1, coordinator["counts"]!["recipients"]!.GetValue<int>());
        Assert.Equal("Elevated", coordinator["severity"]!.GetValue<string>());

        using var list = await h.As(DemoPeople.Coordinator).GetAsync("/api/alerts");
        var listed = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Quibbleworth", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(code, listed, StringComparison.Ordinal);
        Assert.Contains("Réunion plénière jeudi", listed, StringComparison.Ordinal); // No situation: the followers see it whole.
        Assert.False((await h.GetJsonAsync(DemoPeople.Coordinator, $"/api/alerts/{general}"))!["restricted"]!.GetValue<bool>());

        using var export = await h.As(DemoPeople.Coordinator).GetAsync($"/api/alerts/{coded}/export");
        var csv = await export.Content.ReadAsStringAsync();
        Assert.True(export.IsSuccessStatusCode);
        Assert.DoesNotContain("Quibbleworth", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(code, csv, StringComparison.Ordinal);

        foreach (var oid in new[] { DemoPeople.Referent, DemoPeople.Chair })
        {
            var whole = (await h.GetJsonAsync(oid, $"/api/alerts/{coded}"))!;
            Assert.Equal((Message, code, false), (whole["message"]!.GetValue<string>(), whole["situationCode"]!.GetValue<string>(), whole["restricted"]!.GetValue<bool>()));
        }

        // On the list, the coordinator reads it.
        (await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/need-to-know", new { personId = await h.PersonIdAsync(DemoPeople.Coordinator) })).EnsureSuccessStatusCode();
        Assert.Equal(Message, (await h.GetJsonAsync(DemoPeople.Coordinator, $"/api/alerts/{coded}"))!["message"]!.GetValue<string>());
        Assert.Contains(await h.AuditAsync(), e => e.Actor == DemoPeople.Coordinator && e.Purpose == "alert tracking (metadata only)" && e.TargetId == coded.ToString());
    }

    private static async Task<Guid> SendAsync(SituationsHarness h, object alert)
    {
        using var sent = await h.PostAsync(DemoPeople.Referent, "/api/alerts", alert);
        var body = await sent.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(sent.IsSuccessStatusCode, body?.ToJsonString());
        return body!["id"]!.GetValue<Guid>();
    }
}
