using System.Net;
using TeamsPrevention.App.Tab;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Tab;

/// <summary>
/// What a browser may keep: the front end's content-hashed files under <c>/assets/</c> for a year (immutable); the
/// shell, its configuration, every API answer and anything missing under <c>/assets/</c>, nothing.
/// </summary>
public sealed class TabCacheHeadersTests : IDisposable
{
    private readonly string _site = Path.Combine(Path.GetTempPath(), "tp-tests", "site-" + Guid.NewGuid().ToString("N"));

    public TabCacheHeadersTests()
    {
        System.IO.Directory.CreateDirectory(Path.Combine(_site, "assets"));
        File.WriteAllText(Path.Combine(_site, "index.html"), "<!doctype html><title>TeamsPrevention</title><script type=\"module\" src=\"/assets/index-Ab12Cd34.js\"></script>");
        File.WriteAllText(Path.Combine(_site, "assets", "index-Ab12Cd34.js"), "console.log('tab');");
    }

    [Fact]
    public async Task ServesHashedAssetsAsImmutableForAYear()
    {
        using var app = CreateApp();
        using var response = await app.CreateClient().GetAsync("/assets/index-Ab12Cd34.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TabEndpoints.ImmutableCacheControl, response.Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/tab-config.json")]
    [InlineData("/api/me")]
    [InlineData("/api/directory/me")]
    [InlineData("/assets/index-Missing1.js")]
    public async Task KeepsShellConfigurationApiAndMissingAssetsOutOfAnyCache(string path)
    {
        using var app = CreateApp();
        using var response = await app.CreateClient().GetAsync(path);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    private AppFactory CreateApp() => new(new Dictionary<string, string?> { ["Tab:SiteRoot"] = _site });

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_site, recursive: true);
        }
        catch (IOException)
        {
            // still open on a slow machine: the temp directory is cleaned by the OS
        }
    }
}
