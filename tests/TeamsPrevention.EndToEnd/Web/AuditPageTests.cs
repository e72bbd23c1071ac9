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
}
