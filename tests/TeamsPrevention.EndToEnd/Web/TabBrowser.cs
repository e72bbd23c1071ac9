using Microsoft.Playwright;
using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>
/// The tab in headless Chromium against the real App: sign a sandbox persona in the way a new user does (the sign-in
/// page lists the demo tenant's personas), and keep screenshots as test artefacts.
/// </summary>
public static class TabBrowser
{
    /// <summary>The demo tenant's personas (fictitious), by the name the sign-in page shows.</summary>
    public static class Personas
    {
        public const string Chair = "Claire Dubois";
        public const string Coordinator = "Marc Lambert";
        public const string Referent = "Sophie Martin";
        public const string PoliceReferent = "Jan Peeters";
        public const string SchoolPartner = "Anne Leroy";
        public const string CpasPartner = "Pieter De Smet";
        public const string YouthPartner = "Emma Wilson";
        public const string AssociationPartner = "Karim Benali";
        public const string Dpo = "Thomas Schmitz";
    }

    /// <summary>Opens the App's address, signs <paramref name="persona"/> in and waits for the navigation bar.</summary>
    public static async Task<IPage> SignInAsync(ChromiumFixture chromium, AppServer app, string persona, string path = "")
    {
        var page = await chromium.NewPageAsync();
        await SignInAsync(page, app, persona, path);
        return page;
    }

    public static async Task SignInAsync(IPage page, AppServer app, string persona, string path = "")
    {
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = $"Se connecter en tant que {persona}" }).ClickAsync();
        // Whatever the persona's language: the banner's navigation.
        await Assertions.Expect(page.Locator("header nav")).ToBeVisibleAsync();
    }

    /// <summary>The names of the navigation bar's links, in order.</summary>
    public static async Task<IReadOnlyList<string>> NavigationAsync(IPage page) =>
        [.. (await page.Locator("header nav").GetByRole(AriaRole.Link).AllInnerTextsAsync()).Select(t => t.Trim())];

    /// <summary>Saves a full-page screenshot under <c>TestResults/screenshots/</c> (or <c>$TP_SCREENSHOTS</c>).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("TP_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
        System.IO.Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TeamsPrevention.sln")))
            {
                return dir.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
