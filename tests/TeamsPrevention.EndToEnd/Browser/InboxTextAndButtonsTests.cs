using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TeamsPrevention.EndToEnd.Infrastructure;
using TeamsPrevention.EndToEnd.Web;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.EndToEnd.Browser;

/// <summary>
/// The sandbox inbox in headless Chromium, as a person reads it (issue 23 item 13): the bot's Markdown is drawn as
/// Teams draws it (bold, lists), never as raw asterisks nor as HTML; an alert card shows two buttons whole and keeps
/// the other answers in the card's "…" overflow menu, as Teams does for secondary actions.
/// </summary>
public sealed class InboxTextAndButtonsTests
{
    private static readonly DemoPersona Coordinator = DemoTenant.Personas.First(p => p.Role == "Coordinator");
    private static readonly DemoPersona Anne = DemoTenant.Personas.First(p => p.OrganisationKey == "school");

    public InboxTextAndButtonsTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task TheHelpReadsAsTeamsShowsIt()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await chromium.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        await OpenChatAsync(page, app, Anne.DisplayName);

        await page.Locator("#text").FillAsync("aide");
        await page.Locator("#text").PressAsync("Enter");

        var help = page.Locator("#activities > li.activity", new() { HasText = "Commandes disponibles" });
        await Assertions.Expect(help).ToHaveCountAsync(1);
        var text = help.Locator(".text");
        await Assertions.Expect(text.Locator("li strong", new() { HasText = "aide" })).ToHaveCountAsync(1);
        await Assertions.Expect(text.Locator("li strong", new() { HasText = "signaler" })).ToHaveCountAsync(1);
        await Assertions.Expect(text.Locator("li", new() { HasText = "par exemple situation K7M-4QX" })).ToHaveCountAsync(1);
        Assert.DoesNotContain("**", await text.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await text.Locator("code").CountAsync()); // nothing the bot wrote became markup of its own
        await TabBrowser.ScreenshotAsync(page, "inbox-help");

        // The welcome's bold word too.
        var welcome = page.Locator("#activities > li.activity", new() { HasText = "Je suis TeamsPrevention" });
        await Assertions.Expect(welcome.Locator(".text strong", new() { HasText = "aide" })).ToHaveCountAsync(1);

        Assert.Empty(errors);
        app.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task AnAlertCardShowsTwoButtonsWholeAndTheOtherAnswersInItsOverflowMenu()
    {
        using var app = AppServer.Start();
        using var coordinator = await SituationApiSeed.AsAsync(app, Coordinator.ObjectId);
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await chromium.NewPageAsync();
        await page.SetViewportSizeAsync(900, 800);
        await OpenChatAsync(page, app, Anne.DisplayName);
        var people = (await coordinator.GetFromJsonAsync<JsonArray>("/api/directory/people"))!;
        var anne = people.Single(p => p!["entraObjectId"]!.GetValue<string>() == Anne.ObjectId)!["id"]!.GetValue<Guid>();
        using (var created = await coordinator.PostAsJsonAsync("/api/alerts", new { severity = "Elevated", category = "Coordination", message = "Test", people = new[] { anne } }))
        {
            created.EnsureSuccessStatusCode();
        }

        var card = page.Locator("#activities > li.activity .ac-adaptiveCard", new() { HasText = "Alerte — élevée" });
        await Assertions.Expect(card).ToHaveCountAsync(1);
        // (The renderer gives an Action.OpenUrl the role of a link.)
        foreach (var (role, name) in new[] { (AriaRole.Button, "Accuser réception"), (AriaRole.Link, "Ouvrir dans TeamsPrevention") })
        {
            var button = card.GetByRole(role, new() { Name = name, Exact = true });
            await Assertions.Expect(button).ToBeVisibleAsync();
            // The whole title is shown: the button's text is not cut ("Ouvri…").
            Assert.True(await button.EvaluateAsync<bool>("b => [...b.querySelectorAll('*'), b].every(e => e.scrollWidth <= e.clientWidth + 1)"), $"'{name}' is clipped");
        }

        Assert.Equal(0, await card.GetByRole(AriaRole.Button, new() { Name = "Non concerné", Exact = true }).CountAsync());
        await TabBrowser.ScreenshotAsync(page, "inbox-alert-card");

        // The overflow menu holds the other answers, and pressing one answers as a button would.
        await card.GetByRole(AriaRole.Button, new() { Name = "Autres actions" }).ClickAsync();
        var notConcerned = page.GetByRole(AriaRole.Menuitem, new() { Name = "Non concerné" });
        await Assertions.Expect(notConcerned).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Besoin d'informations" })).ToBeVisibleAsync();
        // (No full-page screenshot here: it resizes the window, and the menu closes on a resize as in Teams.)
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "inbox-alert-card-overflow.png") });
        await notConcerned.ClickAsync();
        await Assertions.Expect(page.Locator("#activities > li.activity .ac-adaptiveCard", new() { HasText = "non concerné" })).ToHaveCountAsync(1);
        app.AssertNoErrorsLogged();
    }

    private static async Task OpenChatAsync(IPage page, AppServer app, string persona)
    {
        await page.GotoAsync(new Uri(app.BaseAddress, "sandbox/").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = persona }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = persona })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Installer l'application" }).ClickAsync();
        await Assertions.Expect(page.Locator("#activities > li.activity", new() { HasText = "Je suis TeamsPrevention" })).ToHaveCountAsync(1);
    }
}
