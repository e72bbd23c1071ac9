using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TeamsPrevention.EndToEnd.Infrastructure;
using static TeamsPrevention.EndToEnd.Web.SituationApiSeed;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>
/// Work on an included situation in the tab: the referent plans an action, records a review (the App's refusal shown
/// under the field), adds a partner to the list; the partner then updates their organisation's action.
/// </summary>
public sealed class SituationWorkTests
{
    public SituationWorkTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task ReferentPlansReviewsAndSharesThenThePartnerUpdatesTheirAction()
    {
        using var app = AppServer.Start();
        using var referentApi = await AsAsync(app, Oids.Referent);
        using var chairApi = await AsAsync(app, Oids.Chair);
        var code = await ReportAsync(referentApi);
        await PostAsync(referentApi, $"/api/situations/{code}/screening");
        await PostAsync(chairApi, $"/api/situations/{code}/inclusion", new { });
        await using var chromium = await ChromiumFixture.StartAsync();
        var today = DateTime.UtcNow.Date;
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Referent, $"#/situations/{code}");
        await Assertions.Expect(page.Locator("[data-block=overview]").GetByText("Inscrite")).ToBeVisibleAsync();

        // An action for the association.
        var addAction = page.Locator("[data-step=add-action]");
        await addAction.GetByRole(AriaRole.Textbox, new() { Name = "Action" }).FillAsync("Rencontre avec un éducateur (fictif)");
        await addAction.GetByRole(AriaRole.Combobox, new() { Name = "Organisation responsable" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Association Liens (fictive)" }).ClickAsync();
        await addAction.Locator("input[type=date]").FillAsync(Day(14));
        await addAction.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        var actions = page.Locator("[data-block=actions]");
        await Assertions.Expect(actions.GetByRole(AriaRole.Cell, new() { Name = "Rencontre avec un éducateur (fictif)" })).ToBeVisibleAsync();

        // A review too far away: the App refuses, the page says why under the field; then a valid one.
        var review = page.Locator("[data-step=review]");
        await review.GetByRole(AriaRole.Textbox, new() { Name = "Notes de décision" }).FillAsync("Évolution positive (fictif).");
        await review.Locator("input[type=date]").FillAsync(Day(200));
        await review.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(review.GetByText("La prochaine réévaluation doit avoir lieu dans les 92 jours.")).ToBeVisibleAsync();
        await review.Locator("input[type=date]").FillAsync(Day(30));
        await review.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-block=timeline]").GetByText("Évolution positive (fictif).")).ToBeVisibleAsync();

        // The association's partner goes on the list, with the default partner expiry.
        var grant = page.Locator("[data-step=grant]");
        await grant.GetByRole(AriaRole.Combobox, new() { Name = "Personne" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = TabBrowser.Personas.AssociationPartner }).ClickAsync();
        await grant.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        var partnerRow = page.Locator("[data-block=need-to-know]").GetByRole(AriaRole.Row).Filter(new() { HasText = TabBrowser.Personas.AssociationPartner });
        await Assertions.Expect(partnerRow).ToBeVisibleAsync();
        Assert.DoesNotContain("—", await partnerRow.GetByRole(AriaRole.Cell).Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "situation: referent at work");
        await TabBrowser.ScreenshotAsync(page, "situation-referent-work");

        // The partner sees it now, and updates the association's action (nothing else is offered).
        var partner = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.AssociationPartner, $"#/situations/{code}");
        await Assertions.Expect(partner.GetByRole(AriaRole.Heading, new() { Name = $"Situation {code}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(partner.Locator("[data-step]")).ToHaveCountAsync(0);
        await partner.GetByRole(AriaRole.Combobox, new() { Name = "État de l'action « Rencontre avec un éducateur (fictif) »" }).ClickAsync();
        await partner.GetByRole(AriaRole.Option, new() { Name = "En cours" }).ClickAsync();
        var detail = await WaitForSituationAsync(referentApi, code, d => (string?)d["actions"]![0]!["status"] == "InProgress", TimeSpan.FromSeconds(20));
        Assert.Equal("InProgress", (string)detail["actions"]![0]!["status"]!);
        TabShellTests.AssertNoSeriousViolations(await partner.RunAxe(), "situation: partner on the list");
        app.AssertNoErrorsLogged();
    }
}
