using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>The escalation clock in the database, driven by a fake clock (the background service is off; rounds run by hand).</summary>
public sealed class AlertEscalationTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");
    private static readonly DemoPersona Anne = DemoTenant.Personas.First(p => p.OrganisationKey == "school");
    private static readonly DemoPersona Karim = DemoTenant.Personas.First(p => p.OrganisationKey == "association");
    private static readonly DemoPersona Pieter = DemoTenant.Personas.First(p => p.OrganisationKey == "cpas");
    private static readonly DemoPersona Chair = DemoTenant.Personas.First(p => p.Role == "Chair");

    [Theory, BothProviders]
    public async Task EscalatesUnansweredOrganisationsToDeputyThenChairAtTheDeadline(DatabaseProvider provider)
    {
        // Wednesday 4 March 2026, 16:45 in Brussels: an Urgent alert is due the next morning at 09:15.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 15, 45, 0, TimeSpan.Zero));
        await using var app = await DatabaseApp.StartAsync(
            provider,
            new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" },
            s => s.AddSingleton<TimeProvider>(clock));
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);
        var anne = await PersonIdAsync(app, Anne.ObjectId);
        var karim = await PersonIdAsync(app, Karim.ObjectId);
        await app.InScopeAsync(async sp => await sp.GetRequiredService<DirectoryAdministration>().CreateDeputyshipAsync(
            new DeputyshipInput(anne, karim, null, null),
            (await sp.GetRequiredService<DirectoryService>().FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Admin), CancellationToken.None))!,
            CancellationToken.None));

        using var client = app.CreateClient(Coordinator);
        using var created = await client.PostAsJsonAsync("/api/alerts", new
        {
            severity = "Urgent",
            category = "Signal",
            message = "Test",
            organisations = new[] { organisations["school"], organisations["cpas"], organisations["youth"] },
        });
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var alertId = body["id"]!.GetValue<Guid>();
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 8, 15, 0, TimeSpan.Zero), body["deadline"]!.GetValue<DateTimeOffset>());

        // The youth service answers in time; the others do not.
        using (var youth = app.CreateClient(DemoTenant.Personas.First(p => p.OrganisationKey == "youth").ObjectId))
        {
            (await youth.PostAsJsonAsync($"/api/alerts/{alertId}/answer", new { answer = "Acknowledged" })).EnsureSuccessStatusCode();
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 8, 14, 0, TimeSpan.Zero));
        Assert.Equal(0, await EscalateAsync(app));

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 8, 16, 0, TimeSpan.Zero));
        Assert.Equal(2, await EscalateAsync(app));
        Assert.Equal(0, await EscalateAsync(app));

        var tracking = await AlertHarness.TrackingAsync(app, alertId, Coordinator);
        var school = Recipient(tracking, "Confluent");
        var cpas = Recipient(tracking, "CPAS");
        Assert.Equal(1, school["escalationLevel"]!.GetValue<int>());
        Assert.Equal(Karim.DisplayName, Assert.Single(school["escalatedTo"]!.AsArray())!.GetValue<string>());
        Assert.Equal(2, cpas["escalationLevel"]!.GetValue<int>()); // no deputy: straight to the Chair
        Assert.Equal(Chair.DisplayName, Assert.Single(cpas["escalatedTo"]!.AsArray())!.GetValue<string>());
        Assert.Equal(0, Recipient(tracking, "AMO")["escalationLevel"]!.GetValue<int>());
        var deliveries = tracking["deliveries"]!.AsArray();
        Assert.Contains(deliveries, d => d!["person"]!.GetValue<string>() == Karim.DisplayName && d["reason"]!.GetValue<string>() == "Escalation");
        Assert.Contains(deliveries, d => d!["person"]!.GetValue<string>() == Chair.DisplayName && d["reason"]!.GetValue<string>() == "Escalation");

        // The deputy's next step is due one hour of office time later: then the school goes to the Chair.
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 9, 16, 0, TimeSpan.Zero), school["escalationDueAt"]!.GetValue<DateTimeOffset>());
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 9, 17, 0, TimeSpan.Zero));
        Assert.Equal(1, await EscalateAsync(app));
        tracking = await AlertHarness.TrackingAsync(app, alertId, Coordinator);
        Assert.Equal(2, Recipient(tracking, "Confluent")["escalationLevel"]!.GetValue<int>());
        Assert.Null(Recipient(tracking, "Confluent")["escalationDueAt"]);

        // The Chair answers for what escalated to them; every step was audited.
        using (var chair = app.CreateClient(Chair.ObjectId))
        {
            (await chair.PostAsJsonAsync($"/api/alerts/{alertId}/answer", new { answer = "NeedMoreInformation" })).EnsureSuccessStatusCode();
        }

        tracking = await AlertHarness.TrackingAsync(app, alertId, Coordinator);
        Assert.Equal(3, tracking["counts"]!["answered"]!.GetValue<int>());
        var audited = await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<AuditEntry>()
            .CountAsync(e => e.Purpose != null && e.Purpose.StartsWith("alert escalated")));
        Assert.Equal(3, audited);
        _ = Pieter;
    }

    private static JsonNode Recipient(JsonObject tracking, string namePart) =>
        tracking["recipients"]!.AsArray().Single(r => r!["name"]!.GetValue<string>().Contains(namePart, StringComparison.Ordinal))!;

    private static Task<int> EscalateAsync(DatabaseApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AlertEscalator>().RunDueAsync(CancellationToken.None));

    private static Task<Guid> PersonIdAsync(DatabaseApp app, string oid) =>
        app.InScopeAsync(async sp => (await sp.GetRequiredService<DirectoryService>().FindByEntraObjectIdAsync(Guid.Parse(oid), CancellationToken.None))!.Id);
}
