using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>The statistics page in Chromium against the real App: tables and charts, small counts shown as suppressed.</summary>
public sealed class StatisticsPageTests
{
    public StatisticsPageTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task CoordinatorSeesTheTablesWithSmallCountsSuppressedNeverAsNumbers()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Coordinator, "#/statistics");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Situations par mois" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alertes par mois et par gravité" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Toute valeur inférieure à 5 est masquée", new() { Exact = false })).ToBeVisibleAsync();

        // The demo city has fewer than five of everything: every cell of the monthly table is suppressed, none is a number.
        var cells = page.GetByRole(AriaRole.Table, new() { Name = "Situations par mois" }).Locator("tbody td:not(:first-child)");
        var texts = await cells.AllInnerTextsAsync();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Equal("masqué", t.Trim()));

        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "statistics");
        await TabBrowser.ScreenshotAsync(page, "statistics-coordinator");
        app.AssertNoErrorsLogged();
    }
}
