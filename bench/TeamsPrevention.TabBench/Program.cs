using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TeamsPrevention.Shared;
using TeamsPrevention.Tests.Infrastructure;
using static TeamsPrevention.Shared.BenchReport;

// The tab's dashboard with N situations (default 1,000) in headless Chromium: how long from navigation start until the
// "Mes situations" block is rendered with its rows clickable. The situations are reported through the real API by the
// coordinator persona (so they are all on the coordinator's list), then the coordinator signs in through the tab.
// Usage: dotnet run -c Release --project bench/TeamsPrevention.TabBench [-- --situations 1000 --runs 5]
var situations = Option(args, "--situations", 1000);
var runs = Option(args, "--runs", 5);
var timeline = args.Contains("--timeline");
const string Coordinator = "a1b2c3d4-0002-4000-8000-000000000002";
const string CoordinatorName = "Marc Lambert";

var chromiumPath = Environment.GetEnvironmentVariable("TEAMSPREVENTION_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
var appUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
var report = new BenchReport("tp-tabbench-");
var work = report.Work;
void Say(string line) => report.Say(line);

Say($"TeamsPrevention tab benchmark — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Configuration}, {Environment.ProcessorCount} cores, load average at start {LoadAverage()}");
Say($"{situations} situations on the coordinator's list, {runs} runs, Chromium {chromiumPath}, SQLite in {work.FullName}");

await using var app = await AppProcess.StartAsync(appUrl, new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Development",
    ["App__PublicBaseUrl"] = appUrl.ToString().TrimEnd('/'),
    ["Sandbox__Embedded"] = "true",
    ["Data__Provider"] = "Sqlite",
    ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(work.FullName, "bench.db")}",
    ["Logging__LogLevel__Default"] = "Warning",
}, CancellationToken.None, readyWithin: TimeSpan.FromSeconds(120));

// Seed through the API as the coordinator persona (the token the tab's sandbox sign-in gets).
using var http = new HttpClient { BaseAddress = appUrl, Timeout = TimeSpan.FromMinutes(2) };
var config = await http.GetFromJsonAsync<JsonObject>("tab-config.json") ?? throw new InvalidOperationException("no tab-config.json");
var tokenUrl = ((string)config["sandbox"]!["personaTokenUrlTemplate"]!).Replace("{objectId}", Coordinator, StringComparison.Ordinal);
using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["scope"] = (string)config["apiScope"]! }))
using (var tokenResponse = await http.PostAsync(new Uri(tokenUrl, UriKind.RelativeOrAbsolute), form))
{
    tokenResponse.EnsureSuccessStatusCode();
    var token = (string)(await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}

var seeding = Stopwatch.StartNew();
var next = 0;
await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
{
    while (Interlocked.Increment(ref next) <= situations)
    {
        using var created = await http.PostAsJsonAsync("api/situations", new
        {
            indicators = new[] { new { key = "threats", evidence = "Menaces verbales (données de test fictives)." } },
            text = "Signalement fictif du benchmark.",
        });
        created.EnsureSuccessStatusCode();
    }
}));
Say($"seeded {situations} situations through POST /api/situations in {seeding.Elapsed.TotalSeconds:0.0} s");

var apiTimes = new List<double>();
for (var i = 0; i < 3; i++)
{
    var sw = Stopwatch.StartNew();
    var list = await http.GetFromJsonAsync<JsonArray>("api/situations");
    apiTimes.Add(sw.Elapsed.TotalMilliseconds);
    if (list!.Count != situations)
    {
        throw new InvalidOperationException($"GET /api/situations answered {list.Count}, expected {situations}.");
    }
}

Say($"GET /api/situations ({situations} rows, each audited): {string.Join(" / ", apiTimes.Select(Ms))} ms");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromiumPath,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
});

// The moment the situations block shows rows whose links can be clicked, on the page's own clock (ms since navigation start).
const string Ready = """
    () => {
      const block = document.querySelector('[data-block="my-situations"]');
      const link = block && block.querySelector('a[href^="#/situations/"]');
      if (!link || link.closest('[aria-busy="true"]') || link.getBoundingClientRect().height === 0) return null;
      const api = performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname === '/api/situations').pop();
      return [performance.now(), api ? api.responseStart : -1, api ? api.responseEnd : -1];
    }
    """;

var total = new List<double>();
var afterSignIn = new List<double>();
var reopen = new List<double>();
var open = new List<double>();
var render = new List<double>();
var waiting = new List<double>();
var reRender = new List<double>();
for (var run = 1; run <= runs; run++)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-BE", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
    var page = await context.NewPageAsync();
    ICDPSession? cdp = null;
    if (timeline)
    {
        // Long tasks (main thread busy ≥ 50 ms) and a sampled CPU profile of the page, to say what the main thread did.
        await page.AddInitScriptAsync("""
            window.__longTasks = [];
            new PerformanceObserver(l => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
            """);
        cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Profiler.enable");
        await cdp.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 500 });
        await cdp.SendAsync("Profiler.start");
    }

    await page.GotoAsync(appUrl.ToString());
    var button = page.GetByRole(AriaRole.Button, new() { Name = $"Se connecter en tant que {CoordinatorName}" });
    await button.WaitForAsync();
    var buttonAt = await page.EvaluateAsync<double>("performance.now()");
    var clickedAt = await page.EvaluateAsync<double>("performance.now()");
    await button.ClickAsync();
    var first = await (await page.WaitForFunctionAsync(Ready, null, new() { PollingInterval = 5, Timeout = 60_000 })).JsonValueAsync<double[]>();
    var readyAt = first[0];
    if (timeline)
    {
        // Where the time went in this run: every resource (start → end, ms since navigation start), the page's own events.
        var entries = await page.EvaluateAsync<string>("""
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const rows = [['html', nav.startTime, nav.responseEnd], ['DOMContentLoaded', nav.domContentLoadedEventStart, nav.domContentLoadedEventEnd]];
              for (const e of performance.getEntriesByType('resource')) rows.push([new URL(e.name).pathname, e.startTime, e.responseEnd]);
              for (const e of performance.getEntriesByType('paint')) rows.push([e.name, e.startTime, e.startTime]);
              for (const e of performance.getEntriesByType('mark')) rows.push(['mark ' + e.name, e.startTime, e.startTime]);
              for (const [start, duration] of window.__longTasks || []) rows.push(['long task', start, start + duration]);
              return rows.sort((a, b) => a[1] - b[1]).map(r => `${r[1].toFixed(0).padStart(6)} → ${r[2].toFixed(0).padStart(6)}  ${r[0]}`).join('\n');
            }
            """);
        var profile = await cdp!.SendAsync("Profiler.stop");
        Say(ProfileSummary(profile!.Value.GetProperty("profile"), readyAt));
        Say($"run {run} timeline (sign-in button found at {Ms(buttonAt)} ms, clicked at {Ms(clickedAt)} ms, interactive at {Ms(readyAt)} ms):\n{entries}");
    }

    total.Add(readyAt);
    render.Add(readyAt - first[2]);
    waiting.Add(first[2] - clickedAt);
    afterSignIn.Add(readyAt - clickedAt);

    // Away and back: the dashboard mounts again, fetches the 1,000 again and renders.
    await page.EvaluateAsync("location.hash = '#/resources'");
    await page.Locator("[data-block=my-situations]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    var leftAt = await page.EvaluateAsync<double>("(() => { const t = performance.now(); location.hash = '#/'; return t; })()");
    var back = await (await page.WaitForFunctionAsync(Ready, null, new() { PollingInterval = 5, Timeout = 60_000 })).JsonValueAsync<double[]>();
    var backAt = back[0];
    reopen.Add(backAt - leftAt);
    reRender.Add(backAt - back[2]);

    // Clickable: the first row opens its situation page.
    var row = page.Locator("[data-block=my-situations] a[href^='#/situations/']").First;
    var code = (await row.InnerTextAsync()).Trim();
    var clickAt = await page.EvaluateAsync<double>("performance.now()");
    await row.ClickAsync();
    await page.GetByRole(AriaRole.Heading, new() { Name = $"Situation {code}", Level = 1 }).WaitForAsync();
    open.Add(await page.EvaluateAsync<double>("performance.now()") - clickAt);
    Say($"run {run}: navigation start → situations interactive {Ms(readyAt)} ms (sign-in click → /api/situations answered {Ms(waiting[^1])} ms, answer → rows interactive {Ms(render[^1])} ms); dashboard re-entry {Ms(backAt - leftAt)} ms (of which rendering {Ms(reRender[^1])} ms); first row → situation page {Ms(open[^1])} ms");
}

Say($"navigation start → interactive: median {Ms(Median(total))} ms, max {Ms(total.Max())} ms (target 1,500 ms: {(Median(total) <= 1500 ? "met" : "missed")})");
Say($"sign-in click → interactive: median {Ms(Median(afterSignIn))} ms, of which the front end's own work after the list arrived (parse, sort, render, clickable): median {Ms(Median(render))} ms, max {Ms(render.Max())} ms");
Say($"dashboard re-entry: median {Ms(Median(reopen))} ms (rendering median {Ms(Median(reRender))} ms); row → situation page: median {Ms(Median(open))} ms");
Say($"load average at end {LoadAverage()}");
await report.WriteAsync();
return 0;

// Self time by function (and its script) from a CDP CPU profile, the 25 largest, up to the interactive moment.
static string ProfileSummary(System.Text.Json.JsonElement profile, double untilMs)
{
    var nodes = profile.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetInt32(), n =>
    {
        var frame = n.GetProperty("callFrame");
        var url = frame.GetProperty("url").GetString() ?? "";
        return $"{frame.GetProperty("functionName").GetString() switch { "" or null => "(anonymous)", var f => f }} {url[(url.LastIndexOf('/') + 1)..]}:{frame.GetProperty("lineNumber").GetInt32()}";
    });
    var samples = profile.GetProperty("samples").EnumerateArray().Select(e => e.GetInt32()).ToList();
    var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(e => e.GetInt64()).ToList();
    var self = new Dictionary<string, double>();
    for (var i = 0; i < samples.Count; i++)
    {
        var name = nodes[samples[i]];
        self[name] = self.GetValueOrDefault(name) + (i + 1 < deltas.Count ? deltas[i + 1] / 1000.0 : 0);
    }

    var busy = self.Where(p => !p.Key.StartsWith("(idle)", StringComparison.Ordinal)).Sum(p => p.Value);
    return $"CPU profile (whole run, {busy:N0} ms not idle):\n" + string.Join("\n", self.OrderByDescending(p => p.Value).Take(25).Select(p => $"{p.Value,8:N1} ms  {p.Key}"));
}

static string Ms(double value) => value.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
