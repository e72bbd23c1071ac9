using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Browser;

/// <summary>The browser fixture works on this machine: Chromium opens a page the real App serves, and nothing leaves it.</summary>
public sealed class ChromiumSmokeTests
{
    [Fact]
    public async Task OpensTheAppsLivenessPage()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await chromium.NewPageAsync();

        var response = await page.GotoAsync(new Uri(app.BaseAddress, "health/live").ToString());

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal("Healthy", (await page.InnerTextAsync("body")).Trim());
        app.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task AbortsRequestsToOutsideHosts()
    {
        using var app = AppServer.Start();
        await using var chromium = await ChromiumFixture.StartAsync();
        var page = await chromium.NewPageAsync();
        // A sandbox page: the App's own pages carry a CSP (connect-src 'self') that stops such a request in the page
        // before the fixture ever sees it.
        await page.GotoAsync(new Uri(app.BaseAddress, "sandbox/ping").ToString());

        // A page asking a CDN for a font: the request fails at once instead of waiting on a network that is not there.
        var started = DateTime.UtcNow;
        var outcome = await page.EvaluateAsync<string>(
            "() => fetch('https://fonts.example.com/font.woff2').then(() => 'loaded', e => 'failed: ' + e.message)");

        Assert.StartsWith("failed", outcome, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "The outside request was not cut short.");
        Assert.Contains(chromium.Blocked, url => url.StartsWith("https://fonts.example.com/", StringComparison.Ordinal));
    }
}
