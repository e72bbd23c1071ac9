using System.Net;
using Microsoft.Playwright;

namespace TeamsPrevention.EndToEnd.Infrastructure;

/// <summary>
/// Headless Chromium (the Debian package, <c>/usr/bin/chromium</c>; <c>.ci/run</c> installs it) driven by Playwright for
/// .NET, with no browser download. Each launch gets a fresh temporary profile (Playwright passes its own
/// <c>--user-data-dir</c>); each context is isolated. Requests to hosts other than loopback are aborted, so a page that
/// asks a CDN for fonts does not wait on the network that is not there.
/// </summary>
public sealed class ChromiumFixture : IAsyncDisposable
{
    /// <summary>Overrides the browser path (default <c>/usr/bin/chromium</c>).</summary>
    public const string ExecutableVariable = "TEAMSPREVENTION_CHROMIUM";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly IPlaywright _playwright;

    private ChromiumFixture(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Requests the fixture aborted (outside hosts), for assertions and failure messages.</summary>
    public IReadOnlyList<string> Blocked
    {
        get
        {
            lock (BlockedUrls)
            {
                return [.. BlockedUrls];
            }
        }
    }

    private List<string> BlockedUrls { get; } = [];

    public static async Task<ChromiumFixture> StartAsync()
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {executable}: `apt-get install -y chromium` (.ci/run does it) or set {ExecutableVariable}.");
        }

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                ChromiumSandbox = false,
                Args = Flags,
                Timeout = 60_000,
            });
            return new ChromiumFixture(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh, isolated context (cookies, storage) whose requests to outside hosts are aborted.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { Locale = "fr-BE", TimezoneId = "Europe/Brussels" });
        context.SetDefaultTimeout(15_000);
        await context.RouteAsync("**/*", async route =>
        {
            if (IsLoopback(route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (BlockedUrls)
                {
                    BlockedUrls.Add(route.Request.Url);
                }

                await route.AbortAsync("blockedbyclient");
            }
        });
        return context;
    }

    /// <summary>A page in a fresh context of its own.</summary>
    public async Task<IPage> NewPageAsync() => await (await NewContextAsync()).NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme is "data" or "blob" or "about"
            || uri.IsLoopback
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
