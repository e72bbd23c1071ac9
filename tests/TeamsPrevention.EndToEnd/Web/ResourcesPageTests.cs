using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>The partners' library in Chromium against the real App: the demo entries, edit rights by organisation, adding one.</summary>
public sealed class ResourcesPageTests
{
    public ResourcesPageTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task SchoolPartnerReadsTheLibraryEditsOnlyTheSchoolsEntriesAndAddsOne()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.SchoolPartner, "#/resources");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ateliers d'esprit critique face aux théories du complot" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Affiche « Un doute ? Parlons-en »" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Modifier « Ateliers d'esprit critique face aux théories du complot »" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Modifier « Affiche « Un doute ? Parlons-en » »" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une ressource" }).ClickAsync();
        await page.GetByLabel("Titre").FillAsync("Théâtre-forum en classe");
        await page.GetByLabel("Résumé").FillAsync("Écrire à prof@ecole-demo.example pour réserver.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Le texte semble contenir des données personnelles", new() { Exact = false }).First).ToBeVisibleAsync();

        await page.GetByLabel("Résumé").FillAsync("Six séances de théâtre-forum pour les classes de cinquième, avec un dossier pédagogique.");
        await page.GetByLabel("Mots-clés").FillAsync("théâtre, école");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Théâtre-forum en classe" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Supprimer « Théâtre-forum en classe »" })).ToBeVisibleAsync();

        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "resources");
        await TabBrowser.ScreenshotAsync(page, "resources-partner");
        app.AssertNoErrorsLogged();
    }
}
