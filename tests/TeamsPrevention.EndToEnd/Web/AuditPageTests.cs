using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>
/// The DPO's audit page in Chromium against the real App: chain verification with the latest checkpoint, a checkpoint
/// on demand, search, access report, anomalies.
/// </summary>
public sealed class AuditPageTests
{
    public AuditPageTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task DpoVerifiesTheChainSearchesAndBuildsAnAccessReportInGerman()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Dpo, "#/audit");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prüfprotokoll" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Einträge entsprechen.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Kettenprüfung", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kette prüfen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Kette intakt")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Es wurde noch kein Kontrollpunkt geschrieben.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt einen Kontrollpunkt schreiben" }).ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex(@"^Kontrollpunkt bei Eintrag \d+ geschrieben, am \d{2}\.\d{2}\.\d{4}"))).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kette prüfen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Letzter Kontrollpunkt" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new Regex(@"^Eintrag \d+, geschrieben am .*: stimmt mit dem Protokoll überein\.$"))).ToBeVisibleAsync();
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "audit verification");
        await TabBrowser.ScreenshotAsync(page, "audit-dpo-verification");

        await page.GetByRole(AriaRole.Button, new() { Name = "Zugriffsbericht", Exact = true }).ClickAsync();
        await page.GetByLabel("Code einer Situation oder Kennung (oid) einer Person").FillAsync("K7M-4QX");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bericht erstellen" }).ClickAsync();
        // The report on an unknown code still lists one read: the DPO's own, audited before it was answered.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 Einträge" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Auffälligkeiten", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Auffälligkeiten suchen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Keine Hinweise im Zeitraum.")).ToBeVisibleAsync();

        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "audit");
        await TabBrowser.ScreenshotAsync(page, "audit-dpo");
        app.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task GermanDpoSeesNamesTranslatedPurposesAndALongChannelIdWrappedInItsCell()
    {
        using var app = AppServer.Start();
        using var referentApi = await SituationApiSeed.AsAsync(app, SituationApiSeed.Oids.Referent);
        using var chairApi = await SituationApiSeed.AsAsync(app, SituationApiSeed.Oids.Chair);
        var code = await SituationApiSeed.ReportAsync(referentApi);
        await SituationApiSeed.PostAsync(referentApi, $"/api/situations/{code}/screening");
        await SituationApiSeed.PostAsync(chairApi, $"/api/situations/{code}/inclusion", new { });
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Dpo, "#/audit");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prüfprotokoll" })).ToBeVisibleAsync();

        // The DPO's own reads are audited too and fill the newest page: search this situation's entries.
        await page.GetByLabel("Situation", new() { Exact = true }).FillAsync(code);

        // The inclusion asks for the situation's private channel; the worker creates it and audits its long thread id.
        var channelRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kanal erstellt" });
        var until = DateTime.UtcNow.AddSeconds(40);
        do
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Suchen", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText("Einträge entsprechen.", new() { Exact = false })).ToBeVisibleAsync();
            if (await channelRow.CountAsync() > 0)
            {
                break;
            }

            await Task.Delay(1000);
        }
        while (DateTime.UtcNow < until);
        await Assertions.Expect(channelRow.First).ToBeVisibleAsync();

        // Names instead of object ids: the referent who reported is named in the actor cell (her oid beneath).
        var referentCells = page.Locator("[data-column=actor]").Filter(new() { HasText = SituationApiSeed.Oids.Referent });
        var referentTexts = await referentCells.AllInnerTextsAsync();
        Assert.NotEmpty(referentTexts);
        Assert.All(referentTexts, t => Assert.Contains(TabBrowser.Personas.Referent, t, StringComparison.Ordinal));
        // Purposes in German, not as stored in English.
        await Assertions.Expect(page.Locator("[data-column=purpose]").Filter(new() { HasTextRegex = new Regex("^Meldung erfasst$") }).First).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-column=purpose]").Filter(new() { HasTextRegex = new Regex("^signal recorded$") }).CountAsync());

        // The channel id (19:…@thread.tacv2) wraps inside its cell: it does not run over the purpose cell beside it.
        var target = channelRow.First.Locator("[data-column=target]");
        await Assertions.Expect(target).ToContainTextAsync(new Regex(@"19:[0-9a-f-]+@thread\.tacv2"));
        var targetBox = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("no target cell");
        var purposeBox = await channelRow.First.Locator("[data-column=purpose]").BoundingBoxAsync() ?? throw new InvalidOperationException("no purpose cell");
        Assert.True(targetBox.X + targetBox.Width <= purposeBox.X + 0.5, $"target cell {targetBox.X}+{targetBox.Width} runs over the purpose cell at {purposeBox.X}");
        var overflow = await target.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth + 1");
        Assert.False(overflow, "the channel id overflows its cell");

        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "audit names");
        await TabBrowser.ScreenshotAsync(page, "audit-dpo-names");
        app.AssertNoErrorsLogged();
    }
}
