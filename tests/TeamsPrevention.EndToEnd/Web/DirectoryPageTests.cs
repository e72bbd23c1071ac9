using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>The directory in Chromium: the coordinator reads it; only the Admin adds and removes deputyships.</summary>
public sealed class DirectoryPageTests
{
    private const string Admin = "Luc Gérard";

    public DirectoryPageTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task CoordinatorReadsOrganisationsPeopleAndRolesWithoutAnyWayToWrite()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Coordinator, "#/directory");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Annuaire", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-block=organisations]").GetByText("École secondaire du Confluent (fictive)")).ToBeVisibleAsync();
        var row = page.Locator("[data-block=people]").GetByRole(AriaRole.Row).Filter(new() { HasText = TabBrowser.Personas.PoliceReferent });
        await Assertions.Expect(row.GetByText("Référent police")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-block=deputies]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-step=add-deputy]")).ToHaveCountAsync(0);
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "directory: coordinator");
        await TabBrowser.ScreenshotAsync(page, "directory-coordinator");
    }

    [Fact]
    public async Task AdminAddsAndRemovesADeputyship()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, Admin, "#/directory");
        var deputies = page.Locator("[data-block=deputies]");
        var form = page.Locator("[data-step=add-deputy]");
        await Assertions.Expect(form).ToBeVisibleAsync();

        await form.GetByRole(AriaRole.Combobox, new() { Name = "Personne suppléée" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = TabBrowser.Personas.Referent }).ClickAsync();
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Suppléant" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = TabBrowser.Personas.PoliceReferent }).ClickAsync();
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "directory: admin");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();

        var remove = deputies.GetByRole(AriaRole.Button, new() { Name = $"Supprimer la suppléance de {TabBrowser.Personas.Referent} par {TabBrowser.Personas.PoliceReferent}" });
        await Assertions.Expect(remove).ToBeVisibleAsync();
        await TabBrowser.ScreenshotAsync(page, "directory-admin-deputy");
        await remove.ClickAsync();
        await Assertions.Expect(remove).ToHaveCountAsync(0);
        app.AssertNoErrorsLogged();
    }
}
