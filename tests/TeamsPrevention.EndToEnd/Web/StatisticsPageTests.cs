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

    [Fact]
    public async Task ChairSeesAYearOfDemoHistoryAsChartsBesideTheTablesWithSuppressedCellsMarked()
    {
        using var app = AppServer.Start(new Dictionary<string, string?> { ["Situations:SeedDemoHistory"] = "true" });
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Chair, "#/statistics");

        var months = page.GetByRole(AriaRole.Group, new() { Name = "Évolution des situations par mois" });
        await Assertions.Expect(months).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Situations par mois" })).ToBeVisibleAsync();
        var alertMonths = page.GetByRole(AriaRole.Group, new() { Name = "Alertes par mois et par gravité" });
        await Assertions.Expect(alertMonths).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Signalements reçus par origine (total)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Situations où l'indicateur a été observé" })).ToBeVisibleAsync();

        // A year of history: at least one month has a real number, drawn as a bar of that height and named with it.
        var bars = months.Locator("rect[role=img]");
        Assert.True(await bars.CountAsync() > 0, "no month has a visible count");
        var name = await bars.First.GetAttributeAsync("aria-label") ?? "";
        Assert.Matches(@"^\p{L}+ \d{4}, \p{L}+ : \d+$", name);
        Assert.True(double.Parse(await bars.First.GetAttributeAsync("height") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        var numbers = (await page.GetByRole(AriaRole.Table, new() { Name = "Situations par mois" }).Locator("tbody td:not(:first-child)").AllInnerTextsAsync())
            .Where(t => int.TryParse(t.Trim(), out var n) && n >= 5).ToList();
        Assert.NotEmpty(numbers);
        Assert.True(await alertMonths.Locator("rect[role=img]").CountAsync() > 0, "the demo year's alerts show no month with a visible count");

        // Small counts (the monthly closures, a few origins): a marked gap named "masqué (moins de 5)", never a bar.
        var hidden = months.Locator("[data-suppressed=true]");
        Assert.True(await hidden.CountAsync() > 0, "no suppressed month cell");
        Assert.EndsWith(": masqué (moins de 5)", await hidden.First.GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);
        Assert.Equal("circle", await hidden.First.EvaluateAsync<string>("e => e.localName"));
        await Assertions.Expect(page.GetByText("masqué (moins de 5)", new() { Exact = true }).First).ToBeVisibleAsync();

        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "statistics with charts");
        await TabBrowser.ScreenshotAsync(page, "statistics-chair-charts");
        app.AssertNoErrorsLogged();
    }
}
