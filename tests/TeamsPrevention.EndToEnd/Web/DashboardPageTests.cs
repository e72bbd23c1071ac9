using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TeamsPrevention.EndToEnd.Infrastructure;
using static TeamsPrevention.EndToEnd.Web.SituationApiSeed;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>The dashboard in Chromium against the real App: each block with real data seeded through the API as personas.</summary>
public sealed class DashboardPageTests
{
    public DashboardPageTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task CoordinatorSeesTheirSituationsTheirMeetingAndTheAnswersToTheirAlertArriveWithoutReloading()
    {
        using var app = AppServer.Start();
        using var coordinator = await AsAsync(app, Oids.Coordinator);
        var code = await ReportAsync(coordinator);
        var alert = await PostAsync(coordinator, "/api/alerts", new
        {
            severity = "Elevated",
            category = "Coordination",
            message = "Réunion de plateforme avancée (message fictif).",
            roles = new[] { "Partner" },
        });
        var alertId = (string)alert["id"]!;
        var reference = (string)alert["reference"]!;
        var start = DateTimeOffset.UtcNow.AddDays(2);
        await PostAsync(coordinator, "/api/meetings", new { kind = "Platform", startAt = start, endAt = start.AddHours(2), attendeeIds = Array.Empty<Guid>() });
        await using var chromium = await ChromiumFixture.StartAsync();

        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Coordinator);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord", Level = 1 })).ToBeVisibleAsync();
        var situations = page.Locator("[data-block=my-situations]");
        await Assertions.Expect(situations.GetByRole(AriaRole.Link, new() { Name = code })).ToBeVisibleAsync();
        await Assertions.Expect(situations.GetByText("Signalée")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-block=pending-alerts]").GetByText("Aucune alerte n'attend votre réponse.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-block=next-meetings]").GetByRole(AriaRole.Link, new() { Name = "Plateforme", Exact = false })).ToBeVisibleAsync();

        var followed = page.Locator($"[data-block=followed-alerts] [data-alert='{reference}']");
        await Assertions.Expect(followed.GetByText("0 réponse(s) sur 4")).ToBeVisibleAsync();
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "dashboard: coordinator");
        await TabBrowser.ScreenshotAsync(page, "dashboard-coordinator");

        // A partner answers: the progress moves on the open dashboard, which polls.
        using var school = await AsAsync(app, Oids.SchoolPartner);
        await PostAsync(school, $"/api/alerts/{alertId}/answer", new { answer = "Acknowledged" });
        await Assertions.Expect(followed.GetByText("1 réponse(s) sur 4")).ToBeVisibleAsync();
        Assert.Equal(0.25, await followed.GetByRole(AriaRole.Progressbar).EvaluateAsync<double>("e => Number(e.getAttribute('aria-valuenow'))"), 3);
        app.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task PartnerAnswersAnAlertFromTheDashboard()
    {
        using var app = AppServer.Start();
        using var coordinator = await AsAsync(app, Oids.Coordinator);
        var alert = await PostAsync(coordinator, "/api/alerts", new
        {
            severity = "Urgent",
            category = "Information",
            message = "Information fictive pour les partenaires.",
            roles = new[] { "Partner" },
        });
        var reference = (string)alert["reference"]!;
        // The recipients are resolved as the alert fans out: wait until the partner has it to answer.
        using var school = await AsAsync(app, Oids.SchoolPartner);
        for (var until = DateTime.UtcNow.AddSeconds(30); !(await GetAsync(school, "/api/alerts/pending")).AsArray().Any(a => (string?)a!["reference"] == reference);)
        {
            Assert.True(DateTime.UtcNow < until, "the alert never reached the partner");
            await Task.Delay(250);
        }

        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.SchoolPartner);
        var pending = page.Locator($"[data-block=pending-alerts] [data-alert='{reference}']");
        await Assertions.Expect(pending.GetByText("Information fictive pour les partenaires.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-block=my-situations]").GetByText("Aucune situation ne vous concerne.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-block=followed-alerts]").GetByText("Vous ne suivez aucune alerte.")).ToBeVisibleAsync();
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "dashboard: partner");

        await pending.GetByRole(AriaRole.Button, new() { Name = "Accuser réception" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Réponse enregistrée pour l'alerte {reference} : Réception accusée.")).ToBeVisibleAsync();
        await Assertions.Expect(pending).ToHaveCountAsync(0);
        using var tracking = await AsAsync(app, Oids.Coordinator);
        var counts = (await GetAsync(tracking, $"/api/alerts/{(string)alert["id"]!}"))["counts"]!;
        Assert.Equal(1, (int)counts["answered"]!);
    }
}
