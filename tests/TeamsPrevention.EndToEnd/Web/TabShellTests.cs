using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>
/// The tab's shell in Chromium against the real App and its embedded sandbox: persona sign-in, the navigation each
/// role opens, security headers, nothing kept in browser storage, accessibility.
/// </summary>
public sealed class TabShellTests
{
    public TabShellTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task CoordinatorSignsInInFrenchAndSeesTheNavigationTheirRolesOpen()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Coordinator);

        Assert.Equal(["Tableau de bord", "Situations", "Alertes", "Réunions", "Annuaire", "Statistiques", "Ressources"], await TabBrowser.NavigationAsync(page));
        Assert.Equal("fr", await page.EvaluateAsync<string>("document.documentElement.lang"));
        await TabBrowser.ScreenshotAsync(page, "shell-coordinator");

        // The language menu switches the whole tab (and the page's lang) without reloading.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Langue" }).SelectOptionAsync("nl");
        await Assertions.Expect(page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Vergaderingen" })).ToBeVisibleAsync();
        Assert.Equal("nl", await page.EvaluateAsync<string>("document.documentElement.lang"));
        app.AssertNoErrorsLogged();
    }

    /// <summary>French first, also in an English browser; the page has its icon.</summary>
    [Fact]
    public async Task TheSignInPageIsFrenchInAnEnglishBrowserAndTheTabHasItsIcon()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseAddress.ToString());

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Se connecter en tant que {TabBrowser.Personas.Chair}" })).ToBeVisibleAsync();
        Assert.Equal("en-US", await page.EvaluateAsync<string>("navigator.language"));
        Assert.Equal("fr", await page.EvaluateAsync<string>("document.documentElement.lang"));

        var icon = await page.EvaluateAsync<string>("document.querySelector('link[rel=icon]').href");
        using var http = new HttpClient();
        using var response = await http.GetAsync(icon);
        Assert.True(response.IsSuccessStatusCode, $"{icon} answered {(int)response.StatusCode}");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        app.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task PartnerSeesNeitherDirectoryNorAuditAndIsToldWhenOpeningThem()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.SchoolPartner);

        Assert.Equal(["Tableau de bord", "Situations", "Alertes", "Réunions", "Ressources"], await TabBrowser.NavigationAsync(page));
        await page.EvaluateAsync("location.hash = '#/audit'");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accès réservé" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DpoSeesTheAuditPageInTheirOwnLanguage()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Dpo);

        // The DPO's directory entry says German (de-BE): the tab follows it outside Teams.
        Assert.Equal(["Übersicht", "Situationen", "Warnmeldungen", "Sitzungen", "Prüfung", "Statistiken", "Ressourcen"], await TabBrowser.NavigationAsync(page));
        Assert.Equal("de", await page.EvaluateAsync<string>("document.documentElement.lang"));
    }

    [Fact]
    public async Task KeepsNothingInBrowserStorageOrTheAddressAndSignsOut()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Referent);

        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length + sessionStorage.length"));
        Assert.Equal("", await page.EvaluateAsync<string>("document.cookie"));
        Assert.DoesNotContain("a1b2c3d4", page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Sophie", await page.TitleAsync(), StringComparison.OrdinalIgnoreCase);

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Vous êtes déconnecté.")).ToBeVisibleAsync();

        // A reload forgets everything: the token lived in memory only.
        await TabBrowser.SignInAsync(page, app, TabBrowser.Personas.Referent);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Se connecter en tant que {TabBrowser.Personas.Referent}" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ServesThePagesWithAPolicyThatOnlyMicrosoftHostsMayFrame()
    {
        using var app = AppServer.Start();
        using var http = app.CreateHttpClient();

        using var shell = await http.GetAsync(new Uri("/", UriKind.Relative));
        shell.EnsureSuccessStatusCode();
        var policy = string.Join(' ', shell.Headers.GetValues("Content-Security-Policy"));
        var frameAncestors = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal));
        Assert.Contains("https://teams.microsoft.com", frameAncestors, StringComparison.Ordinal);
        Assert.Contains("https://outlook.office.com", frameAncestors, StringComparison.Ordinal);
        Assert.DoesNotContain(" * ", frameAncestors + " ", StringComparison.Ordinal);
        Assert.DoesNotContain("http:", frameAncestors, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("no-store", shell.Headers.CacheControl?.ToString());
        Assert.Equal("TeamsPrevention", System.Text.RegularExpressions.Regex.Match(await shell.Content.ReadAsStringAsync(), "<title>(.*?)</title>").Groups[1].Value);

        using var config = await http.GetAsync(new Uri("/tab-config.json", UriKind.Relative));
        config.EnsureSuccessStatusCode();
        var body = await config.Content.ReadAsStringAsync();
        Assert.Contains("personaTokenUrlTemplate", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body, StringComparison.OrdinalIgnoreCase);

        // The API is not the single-page app: an unknown API route is a 404, not the shell.
        using var missing = await http.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task SignInPageAndShellHaveNoSeriousAccessibilityViolations()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(app.BaseAddress.ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Se connecter en tant que {TabBrowser.Personas.Chair}" })).ToBeVisibleAsync();
        AssertNoSeriousViolations(await page.RunAxe(), "sign-in");

        await TabBrowser.SignInAsync(page, app, TabBrowser.Personas.Chair);
        AssertNoSeriousViolations(await page.RunAxe(), "shell");
    }

    internal static void AssertNoSeriousViolations(AxeResult result, string what)
    {
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{what}: " + string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }
}
