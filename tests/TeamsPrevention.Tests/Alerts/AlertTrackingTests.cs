using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>The tab's tracking API: who may see what, the CSV export, and every view audited.</summary>
public sealed class AlertTrackingTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");
    private static readonly DemoPersona Anne = DemoTenant.Personas.First(p => p.OrganisationKey == "school");
    private static readonly DemoPersona Karim = DemoTenant.Personas.First(p => p.OrganisationKey == "association");

    [Fact]
    public async Task ExportsCsvWithFrenchHeadersAndAuditsEveryView()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);
        using var coordinator = app.CreateClient(Coordinator);
        using var created = await coordinator.PostAsJsonAsync("/api/alerts", new
        {
            severity = "Info",
            category = "Coordination",
            message = "=cmd|' /C calc'!A0",
            organisations = new[] { organisations["school"] },
        });
        var alertId = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<Guid>();
        using (var anne = app.CreateClient(Anne.ObjectId))
        {
            (await anne.PostAsJsonAsync($"/api/alerts/{alertId}/answer", new { answer = "Acknowledged" })).EnsureSuccessStatusCode();
            var mine = await anne.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/alerts/{alertId}");
            Assert.Equal("Acknowledged", mine!["myAnswer"]!.GetValue<string>());
            Assert.Null(mine["recipients"]);
        }

        using var export = await coordinator.GetAsync($"/api/alerts/{alertId}/export");
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var csv = await export.Content.ReadAsStringAsync();
        Assert.StartsWith("Référence;Niveau;Destinataire;Type;Choisi comme;Réponse;Répondu le;Répondu par", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(";Réception accusée;", csv, StringComparison.Ordinal);
        Assert.Contains(Anne.DisplayName, csv, StringComparison.Ordinal); // she answered for her organisation: the page names her too
        Assert.DoesNotContain("calc", csv, StringComparison.Ordinal);

        using var outsider = app.CreateClient(Karim.ObjectId);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/alerts/{alertId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/alerts/{alertId}/export")).StatusCode);
        using var dpo = app.CreateClient(DemoTenant.Personas.First(p => p.Role == "Dpo").ObjectId);
        Assert.Equal(HttpStatusCode.Forbidden, (await dpo.PostAsJsonAsync("/api/alerts", new { severity = "Info", category = "Information", message = "x", people = Array.Empty<Guid>() })).StatusCode);

        var audit = await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<AuditEntry>()
            .Where(e => e.TargetId == alertId.ToString())
            .Select(e => new { e.Action, e.Outcome, e.Purpose })
            .ToListAsync());
        Assert.Contains(audit, e => e.Action == AuditAction.Change && e.Purpose == "alert sent");
        Assert.Contains(audit, e => e.Action == AuditAction.Acknowledge);
        Assert.Contains(audit, e => e.Action == AuditAction.View && e.Purpose == "alert read by a recipient");
        Assert.Contains(audit, e => e.Action == AuditAction.Export && e.Outcome == AuditOutcome.Success);
        Assert.Contains(audit, e => e.Action == AuditAction.Denied && e.Outcome == AuditOutcome.Denied);
        Assert.Contains(audit, e => e.Action == AuditAction.Export && e.Outcome == AuditOutcome.Denied);
    }

    [Fact]
    public async Task ExportsInTheReadersLanguageTheFactsThePageShows()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var anne = await app.InScopeAsync(async sp => (await sp.GetRequiredService<App.Directory.DirectoryService>()
            .FindByEntraObjectIdAsync(Guid.Parse(Anne.ObjectId), CancellationToken.None))!.Id);
        using var coordinator = app.CreateClient(Coordinator);
        using var created = await coordinator.PostAsJsonAsync("/api/alerts", new { severity = "Urgent", category = "Coordination", message = "Test", people = new[] { anne } });
        var alertId = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<Guid>();
        using (var client = app.CreateClient(Anne.ObjectId))
        {
            (await client.PostAsJsonAsync($"/api/alerts/{alertId}/answer", new { answer = "Acknowledged" })).EnsureSuccessStatusCode();
        }

        // The page shows "—" as who answered for a person (she answered for herself): the file says no more.
        var dutch = Rows(await (await coordinator.GetAsync($"/api/alerts/{alertId}/export?lang=nl")).Content.ReadAsStringAsync());
        Assert.Equal(["Referentie", "Niveau", "Ontvanger", "Soort", "Gekozen als", "Antwoord", "Beantwoord op", "Beantwoord door", "Escalatie", "Geëscaleerd naar", "Termijn"], dutch[0]);
        var row = Assert.Single(dutch.Skip(1));
        Assert.Equal(["Dringend", Anne.DisplayName, "persoon", "Persoon", "Ontvangst bevestigd"], row[1..6]);
        Assert.Equal("", row[7]);
        Assert.Equal(1, dutch.SelectMany(r => r).Count(c => c.Contains(Anne.DisplayName, StringComparison.Ordinal)));

        // Without a language: the reader's directory language (the coordinator reads French); never an enum name.
        var french = Rows(await (await coordinator.GetAsync($"/api/alerts/{alertId}/export")).Content.ReadAsStringAsync());
        Assert.Equal("Référence", french[0][0]);
        Assert.Equal(["Urgente", Anne.DisplayName, "personne", "Personne", "Réception accusée"], french[1][1..6]);
        foreach (var english in new[] { "Urgent", "Person", "Acknowledged", "NeedMoreInformation" })
        {
            Assert.DoesNotContain(english, french.SelectMany(r => r));
        }
    }

    private static List<string[]> Rows(string csv) =>
        [.. csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(';'))];
}
