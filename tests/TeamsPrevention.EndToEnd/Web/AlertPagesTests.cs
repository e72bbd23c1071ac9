using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>
/// The Alerts pages in Chromium against the real App and its embedded sandbox: the coordinator composes an Urgent
/// alert to three partner organisations and watches the answers arrive on the alert page, without reloading, as the
/// partners answer from their cards in the sandbox inbox (one in the inbox page, two through the inbox API).
/// </summary>
public sealed class AlertPagesTests
{
    private const string AnneObjectId = "a1b2c3d4-0005-4000-8000-000000000005";
    private const string PieterObjectId = "a1b2c3d4-0006-4000-8000-000000000006";
    private const string EmmaObjectId = "a1b2c3d4-0007-4000-8000-000000000007";

    private const string School = "École secondaire du Confluent (fictive)";
    private const string Cpas = "CPAS de Namur (fictif)";
    private const string Youth = "Service jeunesse AMO Passages (fictif)";

    // Installs, tokens and the first database writes can take several seconds on a busy two-core machine.
    public AlertPagesTests() => Assertions.SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task CoordinatorSendsAnUrgentAlertToThreePartnersAndWatchesTheirAnswersArriveWithoutReloading()
    {
        using var app = AppServer.Start();
        using var http = app.CreateHttpClient();
        await using var chromium = await ChromiumFixture.StartAsync();

        // The partners install the app first, so the bot can reach them: Anne in the inbox page, the others by its API.
        var inbox = await chromium.NewPageAsync();
        await inbox.GotoAsync(new Uri(app.BaseAddress, "sandbox/").ToString());
        await inbox.GetByRole(AriaRole.Button, new() { Name = "Anne Leroy" }).ClickAsync();
        await inbox.GetByRole(AriaRole.Button, new() { Name = "Installer l'application" }).ClickAsync();
        await Assertions.Expect(inbox.Locator("#activities > li.activity").First).ToBeVisibleAsync();
        foreach (var partner in new[] { PieterObjectId, EmmaObjectId })
        {
            using var installed = await http.PostAsync(new Uri($"sandbox/inbox/{partner}/install", UriKind.Relative), null);
            installed.EnsureSuccessStatusCode();
        }

        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Coordinator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Alertes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alertes", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Aucune alerte envoyée.")).ToBeVisibleAsync();
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "alerts list (empty)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nouvelle alerte" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nouvelle alerte", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("appelez le 101 (police) ou le 112")).ToBeVisibleAsync();
        var organisations = page.GetByRole(AriaRole.Group, new() { Name = "Organisations" });
        foreach (var name in new[] { School, Cpas, Youth })
        {
            await organisations.GetByRole(AriaRole.Checkbox, new() { Name = name }).CheckAsync();
        }

        await Assertions.Expect(page.GetByText("3 choix")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Urgente — réponse attendue dans l'heure (heures de bureau)" }).CheckAsync();
        await Assertions.Expect(page.GetByTestId("deadline-preview")).ToHaveTextAsync(new Regex(@"^Réponse attendue au plus tard le \d{2}/\d{2}/\d{4}\D+\d{2}:\d{2}$"));
        await page.GetByRole(AriaRole.Combobox, new() { NameRegex = new("^Catégorie") }).SelectOptionAsync(new SelectOptionValue { Label = "Coordination" });
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync("Réunion de coordination demain 9 h : confirmez votre présence.");
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "alert compose");
        await TabBrowser.ScreenshotAsync(page, "alert-compose");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'alerte" }).ClickAsync();

        // The alert's page: its reference in the heading, the deadline the API computed, nobody has answered yet.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Alerte [A-Z0-9-]+$"), Level = 1 })).ToBeVisibleAsync();
        var alertId = page.Url.Split('/')[^1];
        Assert.True(Guid.TryParse(alertId, out _), page.Url);
        await Assertions.Expect(page.GetByText("0 réponse(s) sur 3 destinataire(s)").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("alert-counts")).ToContainTextAsync("remises : 3");
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "alert tracking");

        // From here on the page must never load again: a marker set now would vanish with a reload.
        await page.EvaluateAsync("window.__sameDocument = true");

        // Anne answers from her card in the inbox page.
        var card = inbox.Locator("#activities > li.activity .ac-adaptiveCard", new() { HasText = "Accuser réception" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Accuser réception" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 réponse(s) sur 3 destinataire(s)").First).ToBeVisibleAsync();
        var schoolRow = page.Locator($"tr[data-recipient=\"{School}\"]");
        await Assertions.Expect(schoolRow).ToContainTextAsync("Réception accusée");
        await Assertions.Expect(schoolRow).ToContainTextAsync("Anne Leroy");

        // Pieter and Emma answer through the inbox API, as their cards' buttons would.
        await AnswerFromCardAsync(http, PieterObjectId, alertId, "alert.needinfo", "NeedMoreInformation");
        await Assertions.Expect(page.GetByText("2 réponse(s) sur 3 destinataire(s)").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"tr[data-recipient=\"{Cpas}\"]")).ToContainTextAsync("Besoin d'informations");

        await AnswerFromCardAsync(http, EmmaObjectId, alertId, "alert.acknowledge", "Acknowledged");
        await Assertions.Expect(page.GetByText("3 réponse(s) sur 3 destinataire(s)").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Toutes les réponses sont arrivées")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"tr[data-recipient=\"{Youth}\"]")).ToContainTextAsync("Emma Wilson");

        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "the alert page was reloaded");
        await TabBrowser.ScreenshotAsync(page, "alert-tracking-answered");

        // The list shows it complete too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Alertes" }).ClickAsync();
        await Assertions.Expect(page.GetByText("3 réponse(s) sur 3 destinataire(s)").First).ToBeVisibleAsync();
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "alerts list");
        app.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task PersonWhoseRoleMayNotSendIsToldSoAndGetsNoSendButton()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();

        // The administrator: a directory member whose role sends no alerts (the API answers 403 to them).
        var page = await TabBrowser.SignInAsync(chromium, app, "Luc Gérard");
        await page.EvaluateAsync("location.hash = '#/alerts/new'");

        await Assertions.Expect(page.GetByText("Envoi non autorisé")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'alerte" })).ToHaveCountAsync(0);
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "alert compose refused");

        await page.EvaluateAsync("location.hash = '#/alerts'");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alertes", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nouvelle alerte" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PartnerAnswersAnAlertAddressedToThemInTheTab()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var coordinator = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Coordinator);
        await coordinator.EvaluateAsync("location.hash = '#/alerts/new'");
        await coordinator.GetByRole(AriaRole.Checkbox, new() { Name = School }).CheckAsync();
        await coordinator.GetByRole(AriaRole.Radio, new() { Name = "Information — réponse attendue dans les 5 jours ouvrables" }).CheckAsync();
        await coordinator.GetByRole(AriaRole.Combobox, new() { NameRegex = new("^Catégorie") }).SelectOptionAsync(new SelectOptionValue { Label = "Information générale" });
        await coordinator.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync("Nouvelle brochure de prévention disponible.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'alerte" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("0 réponse(s) sur 1 destinataire(s)").First).ToBeVisibleAsync();

        var partner = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.SchoolPartner);
        await partner.EvaluateAsync("location.hash = '#/alerts'");
        var pending = partner.GetByRole(AriaRole.Table, new() { Name = "En attente de ma réponse" });
        await pending.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(partner.GetByText("Nouvelle brochure de prévention disponible.")).ToBeVisibleAsync();
        TabShellTests.AssertNoSeriousViolations(await partner.RunAxe(), "alert as recipient");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Accuser réception" }).ClickAsync();
        await Assertions.Expect(partner.GetByText("Réception accusée")).ToBeVisibleAsync();

        // The partner sees neither the tracking nor anyone else's answer; the coordinator's page shows the answer live.
        await Assertions.Expect(partner.GetByRole(AriaRole.Heading, new() { Name = "Destinataires" })).ToHaveCountAsync(0);

        // Back in the list, the alert has left "awaiting my answer" for "answered", with who answered.
        await partner.EvaluateAsync("location.hash = '#/alerts'");
        var answered = partner.GetByRole(AriaRole.Table, new() { Name = "Répondues" });
        await Assertions.Expect(answered.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Réception accusée");
        await Assertions.Expect(answered.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Moi");
        await Assertions.Expect(partner.GetByText("Aucune alerte n'attend votre réponse.")).ToBeVisibleAsync();
        TabShellTests.AssertNoSeriousViolations(await partner.RunAxe(), "alerts list with answered alerts");
        await Assertions.Expect(coordinator.GetByText("1 réponse(s) sur 1 destinataire(s)").First).ToBeVisibleAsync();

        // The sender exports the tracking as CSV (the page's words: French headers, the answer as the page says it) and
        // withdraws the alert.
        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByRole(AriaRole.Button, new() { Name = "Exporter en CSV" }).ClickAsync());
        Assert.StartsWith("alerte-", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("Référence;Niveau;Destinataire", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(School, csv, StringComparison.Ordinal);
        Assert.Contains(";Réception accusée;", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Acknowledged", csv, StringComparison.Ordinal);

        // Read in Dutch from the language menu, the page exports in Dutch.
        await coordinator.GetByRole(AriaRole.Combobox, new() { Name = "Langue" }).SelectOptionAsync("nl");
        download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByRole(AriaRole.Button, new() { Name = "Exporteren als CSV" }).ClickAsync());
        csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("Referentie;Niveau;Ontvanger", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(";Ontvangst bevestigd;", csv, StringComparison.Ordinal);
        await coordinator.GetByRole(AriaRole.Combobox, new() { Name = "Taal" }).SelectOptionAsync("fr");

        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Retirer l'alerte" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Retirer", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Alerte retirée le")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Button, new() { Name = "Retirer l'alerte" })).ToHaveCountAsync(0);
    }

    /// <summary>Waits for the alert's card in the persona's chat and presses one of its buttons through the inbox API.</summary>
    private static async Task AnswerFromCardAsync(HttpClient http, string objectId, string alertId, string verb, string answer)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var chat = await http.GetFromJsonAsync<JsonObject>(new Uri($"sandbox/inbox/{objectId}", UriKind.Relative));
            var card = (chat?["conversation"]?["activities"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .LastOrDefault(a => a["from"]?.GetValue<string>() == "bot" && (a["attachments"]?.ToJsonString() ?? "").Contains(alertId, StringComparison.Ordinal));
            if (card is not null)
            {
                using var response = await http.PostAsJsonAsync(
                    new Uri($"sandbox/inbox/{objectId}/invoke", UriKind.Relative),
                    new { replyToId = card["id"]!.GetValue<string>(), verb, data = new { alertId, answer } });
                response.EnsureSuccessStatusCode();
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No alert card reached {objectId}.");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task CoordinatorIsWarnedOfANameInTheMessageAndSendsItOnlyWhenSavingAnyway()
    {
        using var app = AppServer.Start();
        using var coordinatorApi = await SituationApiSeed.AsAsync(app, SituationApiSeed.Oids.Coordinator);
        await using var chromium = await ChromiumFixture.StartAsync();
        var coordinator = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Coordinator);
        await coordinator.EvaluateAsync("location.hash = '#/alerts/new'");
        await coordinator.GetByRole(AriaRole.Checkbox, new() { Name = School }).CheckAsync();
        await coordinator.GetByRole(AriaRole.Radio, new() { Name = "Information — réponse attendue dans les 5 jours ouvrables" }).CheckAsync();
        await coordinator.GetByRole(AriaRole.Combobox, new() { NameRegex = new("^Catégorie") }).SelectOptionAsync(new SelectOptionValue { Label = "Information générale" });
        await coordinator.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync("Merci de rappeler Mme Testfictif avant jeudi (fictif).");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'alerte" }).ClickAsync();

        await Assertions.Expect(coordinator.GetByText("Semble contenir : un nom. Vérifiez avant d'enregistrer.")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByText(new Regex("Pas de nom ni de détail identifiant"))).ToBeVisibleAsync();
        Assert.Empty((await coordinatorApi.GetFromJsonAsync<JsonArray>("/api/alerts"))!);
        TabShellTests.AssertNoSeriousViolations(await coordinator.RunAxe(), "alert compose: personal-data warning");
        await TabBrowser.ScreenshotAsync(coordinator, "alert-personal-data-warning");

        await coordinator.Locator("[data-personal-data-warning]").GetByRole(AriaRole.Button, new() { Name = "Enregistrer quand même" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("0 réponse(s) sur 1 destinataire(s)").First).ToBeVisibleAsync();
        app.AssertNoErrorsLogged();
    }
}
