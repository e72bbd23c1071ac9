using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>
/// The directory in Chromium: the coordinator reads it without any write control; the Admin creates and edits
/// organisations and people (the roles that do not open the situations, organisation, deactivation) and adds and
/// removes deputyships; the Chair grants the roles that open the situations, never her own.
/// </summary>
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
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une organisation" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une personne" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Modifier", Exact = false })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
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

    [Fact]
    public async Task AdminCreatesAnOrganisationAndAPersonThenEditsThePerson()
    {
        const string organisation = "Maison de quartier des Tilleuls (fictive)";
        const string person = "Zoé Exemple";
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, Admin, "#/directory");
        var organisations = page.Locator("[data-block=organisations]");
        var people = page.Locator("[data-block=people]");

        // An organisation: the key is suggested from the name; a missing type comes back from the App as a field error.
        await organisations.GetByRole(AriaRole.Button, new() { Name = "Ajouter une organisation" }).ClickAsync();
        var orgForm = page.Locator("[data-step=organisation-form]");
        await orgForm.GetByRole(AriaRole.Textbox, new() { Name = "Nom", Exact = true }).FillAsync(organisation);
        await Assertions.Expect(orgForm.GetByRole(AriaRole.Textbox, new() { Name = "Clé", Exact = true })).ToHaveValueAsync("maison-de-quartier-des-tilleuls-fictive");
        await orgForm.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(orgForm.GetByText("Champ obligatoire", new() { Exact = false })).ToBeVisibleAsync();
        await orgForm.GetByRole(AriaRole.Combobox, new() { Name = "Type", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Association" });
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "directory: admin, organisation form");
        await orgForm.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(orgForm).ToHaveCountAsync(0);
        await Assertions.Expect(organisations.GetByRole(AriaRole.Row).Filter(new() { HasText = organisation }).GetByText("Association")).ToBeVisibleAsync();

        // A person in that organisation, with a role.
        await people.GetByRole(AriaRole.Button, new() { Name = "Ajouter une personne" }).ClickAsync();
        var personForm = page.Locator("[data-step=person-form]");
        await personForm.GetByRole(AriaRole.Textbox, new() { Name = "Nom", Exact = true }).FillAsync(person);
        await personForm.GetByRole(AriaRole.Textbox, new() { Name = "Identifiant Entra (object id)" }).FillAsync("00000000-0000-4000-8000-0000000e2e01");
        await personForm.GetByRole(AriaRole.Textbox, new() { Name = "Adresse e-mail" }).FillAsync("pas-une-adresse");
        await personForm.GetByRole(AriaRole.Combobox, new() { Name = "Organisation", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = organisation });
        await personForm.GetByRole(AriaRole.Checkbox, new() { Name = "Partenaire" }).CheckAsync();
        await personForm.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(personForm.GetByText("Adresse e-mail invalide.")).ToBeVisibleAsync();
        await personForm.GetByRole(AriaRole.Textbox, new() { Name = "Adresse e-mail" }).FillAsync("zoe.exemple@example.org");
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "directory: admin, person form");
        await TabBrowser.ScreenshotAsync(page, "directory-admin-person-form");
        await personForm.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(personForm).ToHaveCountAsync(0);
        var row = people.GetByRole(AriaRole.Row).Filter(new() { HasText = person });
        await Assertions.Expect(row.GetByText(organisation)).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByText("Partenaire")).ToBeVisibleAsync();

        // Edited: another role (a role that opens the situations is the Chair's: not offered), deactivated.
        await row.GetByRole(AriaRole.Button, new() { Name = $"Modifier {person}" }).ClickAsync();
        await Assertions.Expect(personForm.GetByRole(AriaRole.Textbox, new() { Name = "Nom", Exact = true })).ToHaveValueAsync(person);
        await Assertions.Expect(personForm.GetByRole(AriaRole.Checkbox, new() { Name = "Secrétaire" })).ToBeDisabledAsync();
        await personForm.GetByRole(AriaRole.Checkbox, new() { Name = "Partenaire" }).UncheckAsync();
        await personForm.GetByRole(AriaRole.Checkbox, new() { Name = "DPO" }).CheckAsync();
        await personForm.GetByRole(AriaRole.Checkbox, new() { Name = "Actif", Exact = false }).UncheckAsync();
        await Assertions.Expect(personForm.GetByRole(AriaRole.Status)).ToContainTextAsync("sera désactivée");
        await personForm.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(personForm).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByText("DPO")).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByText("Partenaire")).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByText("Inactif")).ToBeVisibleAsync();
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "directory: admin, after edits");
        await TabBrowser.ScreenshotAsync(page, "directory-admin-person-edited");
        app.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task ChairGrantsARoleThatOpensTheSituationsButNeitherTheAdminsNorHerOwn()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Chair, "#/directory");
        var people = page.Locator("[data-block=people]");
        var form = page.Locator("[data-step=person-form]");
        await Assertions.Expect(people.GetByRole(AriaRole.Button, new() { Name = $"Modifier {TabBrowser.Personas.SchoolPartner}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une organisation" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-step=add-deputy]")).ToHaveCountAsync(0);

        // Her own record: nothing about her access can be changed.
        await people.GetByRole(AriaRole.Button, new() { Name = $"Modifier {TabBrowser.Personas.Chair}" }).ClickAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Checkbox, new() { Name = "Président" })).ToBeDisabledAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Checkbox, new() { Name = "Référent", Exact = true })).ToBeDisabledAsync();
        await Assertions.Expect(form.GetByText("Personne ne modifie ses propres rôles", new() { Exact = false })).ToBeVisibleAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Annuler" }).ClickAsync();

        // A partner becomes a referent; the Admin's roles stay the Admin's.
        var row = people.GetByRole(AriaRole.Row).Filter(new() { HasText = TabBrowser.Personas.SchoolPartner });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Modifier {TabBrowser.Personas.SchoolPartner}" }).ClickAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Checkbox, new() { Name = "Administrateur" })).ToBeDisabledAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Checkbox, new() { Name = "Partenaire" })).ToBeDisabledAsync();
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "Référent", Exact = true }).CheckAsync();
        TabShellTests.AssertNoSeriousViolations(await page.RunAxe(), "directory: chair, person form");
        await TabBrowser.ScreenshotAsync(page, "directory-chair-grant");
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(form).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByText("Référent", new() { Exact = true })).ToBeVisibleAsync();
        app.AssertNoErrorsLogged();
    }
}
