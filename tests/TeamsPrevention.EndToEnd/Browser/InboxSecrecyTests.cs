using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Secrecy;
using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Browser;

/// <summary>
/// The sandbox's browser inbox in headless Chromium against the real App (embedded sandbox, Kestrel): a persona
/// installs the app, reads the welcome and the confidentiality card drawn by the official renderer, presses its button
/// (a signed <c>adaptiveCard/action</c> invoke to the App), and sees the card replaced in place.
/// </summary>
public sealed class InboxSecrecyTests
{
    private const string SophieObjectId = "a1b2c3d4-0003-4000-8000-000000000003";

    // The first install (tokens, keys, database warm-up) can take several seconds on a busy two-core machine.
    public InboxSecrecyTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task PersonaAcceptsTheConfidentialityCardAndSeesItReplacedInPlace()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await chromium.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);

        await OpenSophiesChatAndInstallAsync(page, app);

        var activities = page.Locator("#activities > li.activity");
        await Assertions.Expect(activities).ToHaveCountAsync(2);
        await Assertions.Expect(activities.Nth(0)).ToContainTextAsync("Je suis TeamsPrevention");
        var cardItem = activities.Nth(1);
        var card = cardItem.Locator(".card .ac-adaptiveCard");
        await Assertions.Expect(card).ToContainTextAsync("Engagement de confidentialité");
        await Assertions.Expect(card).ToContainTextAsync("458ter");
        var cardActivityId = await cardItem.GetAttributeAsync("data-activity-id");
        Assert.False(string.IsNullOrEmpty(cardActivityId));

        await card.GetByRole(AriaRole.Button, new() { Name = "J'accepte" }).ClickAsync();

        // The same message, in the same place, now shows the recorded commitment and no button.
        var replaced = page.Locator($"#activities > li.activity[data-activity-id=\"{cardActivityId}\"]");
        await Assertions.Expect(replaced).ToContainTextAsync("Engagement enregistré le");
        await Assertions.Expect(replaced.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(activities).ToHaveCountAsync(2);
        await Assertions.Expect(activities.Nth(1)).ToHaveAttributeAsync("data-activity-id", cardActivityId!);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("la carte a été mise à jour");

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var acknowledgement = Assert.Single(await db.Set<SecrecyAcknowledgement>().ToListAsync());
            Assert.Equal(SophieObjectId, acknowledgement.PersonObjectId);
            Assert.Equal(SecrecyAcknowledgement.GeneralScope, acknowledgement.Scope);
            var audit = Assert.Single(await db.Set<AuditEntry>().Where(e => e.Action == AuditAction.Acknowledge).ToListAsync());
            Assert.Equal(SophieObjectId, audit.Actor);
        }

        Assert.Empty(errors);
        app.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task InboxWithACardHasNoAccessibilityViolations()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await chromium.NewPageAsync();
        await OpenSophiesChatAndInstallAsync(page, app);
        await Assertions.Expect(page.Locator(".card .ac-adaptiveCard")).ToContainTextAsync("Engagement de confidentialité");

        var result = await page.RunAxe();

        Assert.True(
            result.Violations.Length == 0,
            string.Join('\n', result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(' ', n.Target)))})")));
    }

    private static async Task OpenSophiesChatAndInstallAsync(IPage page, AppServer app)
    {
        await page.GotoAsync(new Uri(app.BaseAddress, "sandbox/").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sophie Martin" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sophie Martin" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Installer l'application" }).ClickAsync();
    }
}
