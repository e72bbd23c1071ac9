using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>
/// The card an escalation's target receives (issue 23 item 8): it says it is an escalation, to whom the alert went
/// first (by organisation, never a person) and since when it waits, in Brussels time and in the target's language.
/// </summary>
public sealed class AlertEscalationCardTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");
    private static readonly DemoPersona Anne = DemoTenant.Personas.First(p => p.OrganisationKey == "school");
    private static readonly DemoPersona Karim = DemoTenant.Personas.First(p => p.OrganisationKey == "association");
    private static readonly DemoPersona Pieter = DemoTenant.Personas.First(p => p.OrganisationKey == "cpas");
    private static readonly DemoPersona Chair = DemoTenant.Personas.First(p => p.Role == "Chair");

    [Theory, BothProviders]
    public async Task TheDeputyAndTheChairAreToldItIsAnEscalationFromWhomAndSinceWhen(DatabaseProvider provider)
    {
        await using var harness = await AlertHarness.StartAsync(provider);
        var app = harness.StartApp();
        var anne = await AlertHarness.PersonAsync(app, Anne.ObjectId);
        var karim = await AlertHarness.PersonAsync(app, Karim.ObjectId);
        var pieter = await AlertHarness.PersonAsync(app, Pieter.ObjectId);
        await app.InScopeAsync(async sp => await sp.GetRequiredService<DirectoryAdministration>().CreateDeputyshipAsync(
            new DeputyshipInput(anne.Id, karim.Id, null, null),
            (await sp.GetRequiredService<DirectoryService>().FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Admin), CancellationToken.None))!,
            CancellationToken.None));
        var school = await app.InScopeAsync(async sp => (await sp.GetRequiredService<DirectoryService>().GetOrganisationAsync(anne.OrganisationId, CancellationToken.None))!.Name);
        var cpas = await app.InScopeAsync(async sp => (await sp.GetRequiredService<DirectoryService>().GetOrganisationAsync(pieter.OrganisationId, CancellationToken.None))!.Name);

        // The school as an organisation (its contact Anne has a deputy, Karim); Pieter as a person (no deputy: the Chair).
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);
        var alertId = await harness.SendAsync(app, Coordinator, new
        {
            severity = "Urgent",
            category = "Signal",
            message = "Message confidentiel",
            organisations = new[] { organisations["school"] },
            people = new[] { pieter.Id },
        });
        await AlertHarness.EventuallyAsync(async () => (await harness.InboxAsync(Anne.ObjectId)).Count == 1);
        var sentAt = await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<Alert>().Where(a => a.Id == alertId).Select(a => a.CreatedAt).SingleAsync());

        // The deadline passes unanswered (the clock is moved, not waited for): both escalate.
        await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<AlertRecipient>().Where(r => r.AlertId == alertId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EscalationDueAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        // (The App's own worker may take a step before this round does: both must have escalated either way.)
        await app.InScopeAsync(sp => sp.GetRequiredService<AlertEscalator>().RunDueAsync(CancellationToken.None));
        await AlertHarness.EventuallyAsync(async () => await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<AlertRecipient>()
            .CountAsync(r => r.AlertId == alertId && r.EscalationLevel > 0)) == 2, because: "both recipients escalate");

        var waitingSince = App.Cards.BrusselsTime.ToLocal(sentAt).ToString("dddd d MMMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("fr-BE"));
        foreach (var (target, to, firstSentTo, notAddressed) in new[] { (Karim, "comme suppléant·e", school, Anne), (Chair, "à la présidence", cpas, Pieter) })
        {
            await AlertHarness.EventuallyAsync(async () => (await harness.InboxAsync(target.ObjectId)).Count == 1, because: $"{target.DisplayName} gets the escalation");
            var activity = (await harness.InboxAsync(target.ObjectId))[0]["activity"]!;
            Assert.Equal("Alerte en escalade — ouvrez TeamsPrevention", activity["summary"]!.GetValue<string>());
            var json = AlertCardsTests.Json(activity);
            Assert.Contains($"Escalade : sans réponse à l'échéance, cette alerte {(target == Chair ? "est transmise " : "vous est transmise ")}{to}.", json, StringComparison.Ordinal);
            Assert.Contains("\"title\":\"Envoyée d'abord à\",\"value\":\"" + firstSentTo + "\"", json, StringComparison.Ordinal);
            Assert.Contains("\"title\":\"En attente depuis\",\"value\":\"" + waitingSince + "\"", json, StringComparison.Ordinal);
            Assert.DoesNotContain(notAddressed.DisplayName, json, StringComparison.Ordinal);
            Assert.DoesNotContain("Message confidentiel", json, StringComparison.Ordinal);
        }

        // Whoever had the alert first keeps the card that is no escalation.
        Assert.DoesNotContain("Escalade", AlertCardsTests.Json((await harness.InboxAsync(Anne.ObjectId))[0]["activity"]!), StringComparison.Ordinal);
    }
}
