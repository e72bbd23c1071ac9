using System.Net.Http.Json;
using TeamsPrevention.App.Data;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>The bot's alert commands, typed in a persona's chat in the sandbox inbox.</summary>
public sealed class AlertCommandsTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");
    private static readonly DemoPersona Anne = DemoTenant.Personas.First(p => p.OrganisationKey == "school");
    private static readonly DemoPersona Dpo = DemoTenant.Personas.First(p => p.Role == "Dpo");

    [Fact]
    public async Task ListsAlertsAwaitingTheCallersAnswerAndOffersComposeToAllowedSenders()
    {
        await using var harness = await AlertHarness.StartAsync(DatabaseProvider.Sqlite);
        var app = harness.StartApp(new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        harness.Sandbox.State.InstallApp(DemoTenant.TenantId, Anne.ObjectId, DemoTenant.BotAppId);
        harness.Sandbox.State.InstallApp(DemoTenant.TenantId, Dpo.ObjectId, DemoTenant.BotAppId);
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);

        var texts = await SayAsync(harness, Anne.ObjectId, "mes alertes");
        Assert.Contains("Aucune alerte n'attend votre réponse.", texts);

        await harness.SendAsync(app, Coordinator, new { severity = "Elevated", category = "FollowUp", message = "Contenu secret", organisations = new[] { organisations["school"] } });
        texts = await SayAsync(harness, Anne.ObjectId, "mes alertes");
        var listing = texts.Last();
        Assert.StartsWith("Alertes en attente de votre réponse :", listing, StringComparison.Ordinal);
        Assert.Contains("(https://tp.example/#/alerts/", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("Contenu secret", listing, StringComparison.Ordinal);

        var compose = await SayAsync(harness, Anne.ObjectId, "alerte");
        Assert.Contains(compose, t => t.Contains("\"https://tp.example/#/alerts/new\"", StringComparison.Ordinal));

        var refused = await SayAsync(harness, Dpo.ObjectId, "alert");
        Assert.Contains("Sie dürfen keine Warnmeldungen senden.", refused);
    }

    /// <summary>Sends a message as the persona; returns the bot's texts and cards (as JSON) in the chat so far.</summary>
    private static async Task<IReadOnlyList<string>> SayAsync(AlertHarness harness, string oid, string text)
    {
        using var response = await harness.Sandbox.Http.PostAsJsonAsync($"inbox/{oid}/messages", new { text });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var activities = await harness.InboxAsync(oid);
        return [.. activities
            .Select(a => a["activity"]!)
            .Where(a => a["from"]?["id"]?.GetValue<string>()?.StartsWith("28:", StringComparison.Ordinal) == true)
            .Select(a => a["attachments"] is { } attachments ? AlertCardsTests.Json(attachments) : a["text"]?.GetValue<string>() ?? "")];
    }
}
