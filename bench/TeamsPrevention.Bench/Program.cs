using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.Bench;
using TeamsPrevention.Sandbox.Identity;
using TeamsPrevention.Sandbox.Realism;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Shared;
using TeamsPrevention.Tests.Infrastructure;
using static TeamsPrevention.Shared.BenchReport;

// One alert to N synthetic recipients through the sandbox (tenant limit 50/s, 10 % of sends answered 429), twice
// (cold: the 1:1 chats are opened during the fan-out; warm: they exist), then 100 concurrent acknowledgements.
// Usage: dotnet run -c Release --project bench/TeamsPrevention.Bench [-- --recipients 1000 --fault-rate 0.1 --acks 100 --database sqlite|postgres]
var recipients = Option(args, "--recipients", 1000);
var faultRate = Option(args, "--fault-rate", 0.1);
var acks = Option(args, "--acks", 100);
var warmup = Option(args, "--warmup", 50); // answers per warm-up cycle (half one after the other, half at once), not counted
var warmupCycles = Option(args, "--warmup-cycles", 8); // at most; the warm-up stops at the first cycle that made the runtime compile (almost) nothing
const int TenantPerSecond = 50;
var hold = Option(args, "--hold", 0); // seconds the App keeps running at the end (to attach dotnet-trace or dotnet-counters)
var pauseBeforeAcks = Option(args, "--pause-before-acks", 0); // seconds to wait before the measured answers, after the warm-up (to start a profiler on them)
var tokenPerRequest = Option(args, "--token-per-request", 0) != 0; // 1: a new Bot Framework token on every answer (Teams reuses one until it renews it)
var appRate = Option(args, "--app-rate", TenantPerSecond); // Bot:Pacing:TenantPerSecond (the sandbox stays at 50/s)
var provider = Option(args, "--database", "sqlite") switch
{
    "sqlite" => DatabaseProvider.Sqlite,
    "postgres" => DatabaseProvider.Postgres, // a throwaway PostgreSQL cluster, as the tests start it (PostgresServer)
    var other => throw new ArgumentException($"--database sqlite|postgres, not {other}"),
};

if (recipients < (3 * acks) + (warmup * warmupCycles))
{
    throw new ArgumentException($"--recipients must be at least 3 × --acks + --warmup × --warmup-cycles ({(3 * acks) + (warmup * warmupCycles)}): three rounds of answers plus the warm-up, each by different people.");
}

var appUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
var report = new BenchReport("tp-bench-");
void Say(string line) => report.Say(line);

Say($"TeamsPrevention benchmark — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Configuration}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at start {LoadAverage()}");
Say($"recipients {recipients}, tenant limit {TenantPerSecond}/s in the sandbox, App limiter (Bot:Pacing:TenantPerSecond) {appRate}/s, injected 429 on {faultRate:P0} of sends (Retry-After 1 s)");

// A fresh database, as the tests make theirs: a SQLite file in its own temp directory, or a new database on a throwaway
// PostgreSQL cluster (initdb + pg_ctl on a free port, fsync off as in the tests); dropped after the App has stopped.
await using var database = await TestDatabase.CreateAsync(provider);
Say($"database {provider}: {database.ConnectionString}");

await using var sandbox = await StandaloneSandbox.StartAsync(new Dictionary<string, string?>
{
    ["SandboxTenant:BotEndpoint"] = new Uri(appUrl, "api/messages").ToString(),
    ["SandboxTenant:RateLimits:BotPerTenant"] = $"{TenantPerSecond}/1s",
    ["SandboxTenant:TrafficCapacity"] = "100000",
});
var state = sandbox.Services.GetRequiredService<SandboxState>();
var traffic = sandbox.Services.GetRequiredService<TrafficLog>();

using (var seeded = await sandbox.Http.PostAsJsonAsync("personas/synthetic", new { count = recipients }))
{
    seeded.EnsureSuccessStatusCode();
}

var environment = new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
    ["App__PublicBaseUrl"] = appUrl.ToString(),
    ["Sandbox__Embedded"] = "false",
    ["Sandbox__BaseUrl"] = sandbox.BaseUrl.ToString(),
    ["Directory__SeedDemo"] = "true",
    ["Situations__CellTeamId"] = DemoTenant.CellTeamId,
    ["Bot__AllowAnonymous"] = "false",
    ["Bot__Pacing__TenantPerSecond"] = appRate.ToString(CultureInfo.InvariantCulture),
    ["Logging__LogLevel__Default"] = "Warning",
    // The time each request spent in the App, as ASP.NET Core's hosting measures it (from the request's headers read to
    // its response written) and logs it: "Request finished … 12.3456ms".
    ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
};
foreach (var (key, value) in database.Settings)
{
    environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
}

await using var app = await AppProcess.StartAsync(appUrl, environment, CancellationToken.None, readyWithin: TimeSpan.FromSeconds(90));
await using var memory = new AppMemory(app.Id);
var inApp = new ConcurrentQueue<double>();
app.LineReceived += line =>
{
    if (line.Contains("Request finished", StringComparison.Ordinal) && line.Contains("POST", StringComparison.Ordinal)
        && line.Contains("/api/messages - 200", StringComparison.Ordinal) && LogPatterns.RequestMilliseconds().Match(line) is { Success: true } match)
    {
        inApp.Enqueue(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }
};
Say($"App process {app.Id} ready at {appUrl}; working set after start {Megabytes(memory.Kernel().Current)}");

// The App's directory: one organisation and the synthetic people (as an administrator would import them).
List<Guid> personIds;
await using (var db = OpenDb())
{
    personIds = await SyntheticDirectory.AddPeopleAsync(db, recipients, CancellationToken.None);
}

var coordinator = DemoTenant.Personas.First(p => p.Role == "Coordinator").ObjectId;
using var api = new HttpClient { BaseAddress = appUrl };
api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.PersonaTokenAsync(coordinator, CancellationToken.None));

using (var faults = await sandbox.Http.PutAsJsonAsync("faults", new
{
    seed = 42,
    rules = new[] { new { method = "POST", path = "connector/v3/conversations/*/activities", fault = "status", status = 429, retryAfterSeconds = 1, rate = faultRate } },
}))
{
    faults.EnsureSuccessStatusCode();
}

var cold = await FanOutAsync("cold (1:1 chats opened during the fan-out)", 1);
var warm = await FanOutAsync("warm (1:1 chats already known)", 2);

// Peak memory of the App during both fan-outs.
var (peak, current) = memory.Kernel();
Say($"App memory: peak resident set (VmHWM) {Megabytes(peak)}, peak working set sampled every 100 ms {Megabytes(memory.PeakWorkingSetSampled)}, now {Megabytes(current)}");

// Acknowledgements: N personas answer the warm alert's card at once, posted straight to the App's /api/messages with
// Bot Framework tokens the sandbox signs (as Teams would), timed around each request on loopback.
await sandbox.Http.DeleteAsync(new Uri("faults", UriKind.Relative));
var issuer = sandbox.Services.GetRequiredService<BotFrameworkTokenIssuer>();
var serviceUrl = new Uri(sandbox.BaseUrl, "connector/").ToString();
using var bot = new HttpClient { BaseAddress = appUrl };
// As the Bot Connector does, one token for every activity (it renews it before it expires); or one per answer.
var channelToken = issuer.CreateToken(DemoTenant.BotAppId, serviceUrl);
Say(tokenPerRequest ? "Answers carry a new Bot Framework token each (worst case)" : "Answers carry the same Bot Framework token, as Teams sends them");
traffic.Clear();
// The warm-up's first answers are the App's first inbound activity (OpenID metadata fetched, code compiled): they are
// reported but not counted; then a pause lets the runtime finish compiling the answer path to its optimised tier, as
// it is in an App that has been answering for a while.
// The warm-up is sequential answers, then as many again at once (the batched paths); then the benchmark waits until the
// runtime's tiered compilation thread has been idle for a second (the answer path and the card replacements compiled to
// their optimised tier, as in an App that has been running for a while), at most a minute.
var answering = SyntheticPersonas.Create(recipients).Skip(recipients - ((3 * acks) + (warmup * warmupCycles))).ToList();
var warmers = answering.Take(warmup * warmupCycles).ToList();
answering = [.. answering.Skip(warmup * warmupCycles)];
// A cycle's calls promote methods to the optimised tier only after it (the runtime counts calls, then compiles in the
// background): cycles repeat until one leaves the compiler (almost) nothing to do — the App's steady state.
for (var cycle = 1; cycle <= warmupCycles; cycle++)
{
    var compilerBefore = CompilerCpuTime();
    var people = warmers.Skip((cycle - 1) * warmup).Take(warmup).ToList();
    await AckRoundAsync($"warm-up {cycle} ({warmup / 2} sequential, not counted)", people.Take(warmup / 2).ToList(), spacing: null);
    await AckRoundAsync($"warm-up {cycle} ({warmup - (warmup / 2)} at once, not counted)", people.Skip(warmup / 2).ToList(), spacing: TimeSpan.Zero);
    await WaitForCompilationIdleAsync();
    if (CompilerCpuTime() - compilerBefore <= TimeSpan.FromMilliseconds(30))
    {
        break;
    }
}

if (pauseBeforeAcks > 0)
{
    Console.WriteLine($"Pausing {pauseBeforeAcks} s before the measured acknowledgements (App process {app.Id}).");
    await Task.Delay(TimeSpan.FromSeconds(pauseBeforeAcks));
}

var latencies = await AckRoundAsync($"{acks} concurrent acknowledgements", answering.Take(acks).ToList(), spacing: TimeSpan.Zero);
var second = await AckRoundAsync($"{acks} concurrent acknowledgements (second batch)", answering.Skip(acks).Take(acks).ToList(), spacing: TimeSpan.Zero);
// The same number of people answering within one second (evenly spread arrivals), while the cards are being updated.
var spread = await AckRoundAsync($"{acks} acknowledgements arriving over 1 s", answering.Skip(2 * acks).Take(acks).ToList(), spacing: TimeSpan.FromSeconds(1.0 / acks));
Say($"OpenID metadata and key requests to the sandbox during the answers: {traffic.Read("/sandbox/").Count(e => e.Path.Contains("well-known", StringComparison.Ordinal) || e.Path.Contains("/keys", StringComparison.Ordinal))}");

// What the worker's card replacements cost by themselves (no answer arriving): 2 s of them, after the answers.
{
    traffic.Clear();
    var cpuBefore = AppCpuTime();
    var compilerBefore = CompilerCpuTime();
    await Task.Delay(TimeSpan.FromSeconds(2));
    var cpu = AppCpuTime() - cpuBefore;
    var compiler = CompilerCpuTime() - compilerBefore;
    var replaced = traffic.Read("/sandbox/connector/v3/conversations").Count(e => e.Method == "PUT" && e.Status is 200 or 201);
    Say($"Card replacements after the answers: {replaced} in 2 s; App CPU meanwhile {cpu.TotalMilliseconds:F0} ms ({(replaced == 0 ? 0 : cpu.TotalMilliseconds / replaced):F1} ms per card replaced; of which the runtime's tiered compilation {compiler.TotalMilliseconds:F0} ms)");
}

(peak, _) = memory.Kernel();
Say($"App memory at the end (fan-outs + acknowledgements): peak resident set {Megabytes(peak)}");
Say($"Summary: cold {cold.Rate:F1} cards/s, warm {warm.Rate:F1} cards/s against {TenantPerSecond}/s (while cards were waiting: {cold.Steady:F1} and {warm.Steady:F1}); acknowledgement p99 in the App {Percentile(latencies.App, 0.99):F1} ms and {Percentile(second.App, 0.99):F1} ms at once, {Percentile(spread.App, 0.99):F1} ms over 1 s (around the client's request: {Percentile(latencies.Client, 0.99):F1}, {Percentile(second.Client, 0.99):F1} and {Percentile(spread.Client, 0.99):F1} ms)");

await report.WriteAsync();
if (hold > 0)
{
    Console.WriteLine($"Holding the App (process {app.Id}) for {hold} s.");
    await Task.Delay(TimeSpan.FromSeconds(hold));
}

return 0;

async Task<(double Rate, double Steady)> FanOutAsync(string label, int expectedCards)
{
    traffic.Clear();
    var cpuBefore = AppCpuTime();
    var stopwatch = Stopwatch.StartNew();
    var started = DateTimeOffset.UtcNow;
    Guid alertId;
    using (var created = await api.PostAsJsonAsync("/api/alerts", new { severity = "Info", category = "Information", message = "Benchmark", people = personIds }))
    {
        var body = await created.Content.ReadAsStringAsync();
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Alert refused: {(int)created.StatusCode} {body}");
        }

        alertId = JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    var createdAfter = stopwatch.Elapsed;
    var oids = SyntheticPersonas.Create(recipients).Select(p => p.ObjectId).ToList();
    var until = DateTime.UtcNow.AddMinutes(10);
    // Polls the outbox (cheap), not the inboxes (a full scan per persona would load the 2 cores being measured).
    while (await PendingAsync(alertId) > 0 && DateTime.UtcNow < until)
    {
        await Task.Delay(100);
    }

    var elapsed = stopwatch.Elapsed;
    var cpu = AppCpuTime() - cpuBefore;
    var counts = oids.Select(BotCards).ToList();
    var lost = counts.Count(c => c < expectedCards);
    var duplicates = counts.Sum(c => Math.Max(0, c - expectedCards));
    await Task.Delay(2000); // late duplicates, if any, would show now
    var lateDuplicates = oids.Select(BotCards).Sum(c => Math.Max(0, c - expectedCards)) - duplicates;

    var entries = traffic.Read("/sandbox/connector/v3/conversations");
    var sends = entries.Where(e => e.Method == "POST" && e.Path.EndsWith("/activities", StringComparison.Ordinal)).ToList();
    var creates = entries.Where(e => e.Method == "POST" && !e.Path.EndsWith("/activities", StringComparison.Ordinal)).ToList();
    var sent = sends.Where(e => e.Status is 200 or 201).OrderBy(e => e.Time).ToList();
    var injected = sends.Count(e => e.Fault is not null);
    var throttled = entries.Count(e => e.Status == 429 && e.Fault is null);
    var writes = entries.Count(e => e.Method == "POST" && e.Status is 200 or 201);
    var window = (sent[^1].Time - sent[0].Time).TotalSeconds;
    var sendRate = (sent.Count - 1) / window;
    var endToEnd = sent.Count / (sent[^1].Time - started).TotalSeconds;
    // While cards are waiting to be sent (until every card's first attempt has gone) the pacer is what sets the rate;
    // after it, only retries remain, each waiting out the Retry-After of its 429 (1 s, 2 s when the retry is refused
    // again): a tail no sender that honours Retry-After can shorten, and it weighs on the first-to-last rate.
    var lastFirstAttempt = sends.GroupBy(e => e.Path).Select(g => g.Min(e => e.Time)).Max();
    var steadySent = sent.Where(e => e.Time <= lastFirstAttempt).ToList();
    var steadyRate = (steadySent.Count - 1) / (steadySent[^1].Time - steadySent[0].Time).TotalSeconds;
    var writeWindow = (entries.Where(e => e.Method == "POST" && e.Status is 200 or 201).Max(e => e.Time) - entries.Where(e => e.Method == "POST").Min(e => e.Time)).TotalSeconds;

    var rows = await DeliveriesAsync(alertId);
    Say($"Fan-out {label}:");
    Say($"  alert accepted in {createdAfter.TotalMilliseconds:F0} ms; outbox empty (every row sent or failed) after {elapsed.TotalSeconds:F1} s; App CPU meanwhile {cpu.TotalMilliseconds:F0} ms ({cpu.TotalMilliseconds / recipients:F1} ms per card)");
    Say($"  cards delivered {sent.Count} in {window:F1} s between first and last = {sendRate:F1} cards/s sustained ({sendRate / TenantPerSecond:P0} of the {TenantPerSecond}/s limit); {endToEnd:F1} cards/s from the alert's creation");
    Say($"  connector writes accepted {writes} (cards + {creates.Count(e => e.Status is 200 or 201)} chats opened) = {writes / writeWindow:F1} writes/s; injected 429 {injected}; real 429 from the sandbox's limits {throttled}");
    // Why a run is slower than another: mostly the tail of retries (below: a last card refused twice waits 2 s); and the
    // App pauses the whole tenant for Retry-After when Bot:Pacing:TenantPauseAfterThrottled (10) 429s arrive within
    // one second and they are at least a third of that second's writes (the tenant's limit; the injected 429s are random:
    // they cluster to 10 or more in some second of most runs, and until 2026-11-30 that alone paused the tenant).
    var accepted = entries.Where(e => e.Method == "POST" && e.Status is 200 or 201).Select(e => e.Time).Order().ToList();
    var gap = accepted.Zip(accepted.Skip(1), (a, b) => b - a).DefaultIfEmpty().Max();
    var refusals = entries.Where(e => e.Status == 429).Select(e => e.Time).Order().ToList();
    var clustered = refusals.Select((t, i) => refusals.Skip(i).TakeWhile(u => u - t < TimeSpan.FromSeconds(1)).Count()).DefaultIfEmpty().Max();
    Say($"  longest time without an accepted write {gap.TotalMilliseconds:F0} ms; most 429s within one second {clustered} (the App pauses the tenant at 10 when they are a third of that second's writes)");
    Say($"  lost {lost}, duplicate cards {duplicates + lateDuplicates}; outbox rows {rows.Count}, sent {rows.Count(r => r.Status == AlertDeliveryStatus.Sent)}, failed {rows.Count(r => r.Status == AlertDeliveryStatus.Failed)}, SendCount > 1: {rows.Count(r => r.SendCount > 1)}");
    Say($"  App peak resident set so far {Megabytes(memory.Kernel().Peak)}");
    Say($"  while cards were waiting to be sent (until the last card's first attempt): {steadySent.Count} delivered at {steadyRate:F1} cards/s ({steadyRate / TenantPerSecond:P0} of the limit); then {sent.Count - steadySent.Count} retries waiting out their Retry-After, {(sent[^1].Time - lastFirstAttempt).TotalMilliseconds:F0} ms");
    return (sendRate, steadyRate);
}

async Task<int> PendingAsync(Guid alertId)
{
    await using var db = OpenDb();
    return await db.Set<AlertDelivery>().CountAsync(d => d.AlertId == alertId && d.Status == AlertDeliveryStatus.Queued);
}

// The benchmark's own look at the App's database (the outbox), with the provider's own context.
AppDbContext OpenDb() => provider == DatabaseProvider.Postgres
    ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options)
    : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options);

int BotCards(string oid) =>
    state.ConversationsOf(DemoTenant.TenantId, oid).Sum(c => c.Activities.Count(a => a.Sender == "bot"));

async Task<List<AlertDelivery>> DeliveriesAsync(Guid alertId)
{
    await using var db = OpenDb();
    return await db.Set<AlertDelivery>().AsNoTracking().Where(d => d.AlertId == alertId).ToListAsync();
}

// spacing: null = one after the other; zero = all at once; otherwise each request starts that long after the previous
// one started (whether or not it was answered).
async Task<(List<double> Client, List<double> App)> AckRoundAsync(string label, IReadOnlyList<DemoPersona> personas, TimeSpan? spacing)
{
    var requests = personas.Select(persona =>
    {
        var conversation = state.ConversationsOf(DemoTenant.TenantId, persona.ObjectId).Single();
        var card = conversation.Activities.Last(a => a.Sender == "bot");
        var action = FindAction(card.Current, AlertCards.AcknowledgeVerb) ?? throw new InvalidOperationException("No acknowledge action on the card.");
        var activity = Invoke(persona, conversation.Id, card.Id, action);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/messages", UriKind.Relative))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokenPerRequest ? issuer.CreateToken(DemoTenant.BotAppId, serviceUrl) : channelToken);
        return request;
    }).ToList();

    var results = new (double Ms, int Status)[requests.Count];
    async Task SendAsync(int i)
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await bot.SendAsync(requests[i]);
        await response.Content.ReadAsByteArrayAsync();
        results[i] = (stopwatch.Elapsed.TotalMilliseconds, (int)response.StatusCode);
    }

    inApp.Clear();
    var cpuBefore = AppCpuTime();
    var compilerBefore = CompilerCpuTime();
    var total = Stopwatch.StartNew();
    if (spacing is null)
    {
        for (var i = 0; i < requests.Count; i++)
        {
            await SendAsync(i);
        }
    }
    else if (spacing == TimeSpan.Zero)
    {
        using var gate = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, requests.Count).Select(async i =>
        {
            await gate.WaitAsync();
            await SendAsync(i);
        }).ToList();
        gate.Release(requests.Count);
        await Task.WhenAll(tasks);
    }
    else
    {
        var tasks = new List<Task>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var due = spacing.Value * i;
            if (due > total.Elapsed)
            {
                await Task.Delay(due - total.Elapsed);
            }

            tasks.Add(SendAsync(i));
        }

        await Task.WhenAll(tasks);
    }

    var wall = total.Elapsed;
    var cpu = AppCpuTime() - cpuBefore;
    var compiler = CompilerCpuTime() - compilerBefore;
    requests.ForEach(r => r.Dispose());
    var ms = results.Select(r => r.Ms).OrderBy(m => m).ToList();
    var statuses = string.Join(", ", results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
    Say($"Acknowledgements, {label}: statuses {statuses}; p50 {Percentile(ms, 0.5):F1} ms, p95 {Percentile(ms, 0.95):F1} ms, p99 {Percentile(ms, 0.99):F1} ms, max {ms[^1]:F1} ms; all answered in {wall.TotalMilliseconds:F0} ms; App CPU meanwhile {cpu.TotalMilliseconds:F0} ms ({cpu.TotalMilliseconds / requests.Count:F1} ms per acknowledgement, the worker's card updates included; of which the runtime's tiered compilation {compiler.TotalMilliseconds:F0} ms)");

    // The App's own measure of the same requests (its log lines arrive a little later).
    var logged = Stopwatch.StartNew();
    while (inApp.Count < requests.Count && logged.Elapsed < TimeSpan.FromSeconds(5))
    {
        await Task.Delay(50);
    }

    var measured = inApp.Order().ToList();
    Say(measured.Count == 0
        ? "  in the App: no request durations logged"
        : $"  in the App (ASP.NET Core hosting's request duration, {measured.Count} of {requests.Count}): p50 {Percentile(measured, 0.5):F1} ms, p95 {Percentile(measured, 0.95):F1} ms, p99 {Percentile(measured, 0.99):F1} ms, max {measured[^1]:F1} ms");
    return (ms, measured);
}

// Waits until the App's tiered compilation thread (".NET Tiered Com") has used no CPU for one second, at most 60 s.
async Task WaitForCompilationIdleAsync()
{
    var started = Stopwatch.StartNew();
    var first = CompilerCpuTime();
    var last = first;
    var idleSince = Stopwatch.StartNew();
    while (started.Elapsed < TimeSpan.FromSeconds(60))
    {
        await Task.Delay(250);
        var now = CompilerCpuTime();
        if (now != last)
        {
            last = now;
            idleSince.Restart();
        }
        else if (idleSince.Elapsed >= TimeSpan.FromSeconds(1))
        {
            break;
        }
    }

    Say($"Tiered compilation idle after {started.Elapsed.TotalSeconds:F1} s (compiler thread CPU meanwhile {(last - first).TotalMilliseconds:F0} ms)");
}

// CPU time of the App's tiered compilation thread(s) (/proc/{pid}/task/*/stat).
TimeSpan CompilerCpuTime()
{
    long ticks = 0;
    foreach (var task in System.IO.Directory.EnumerateDirectories($"/proc/{app.Id}/task"))
    {
        try
        {
            if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered Com", StringComparison.Ordinal))
            {
                continue;
            }

            var stat = File.ReadAllText(Path.Combine(task, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            // The thread ended meanwhile.
        }
    }

    return TimeSpan.FromMilliseconds(ticks * 10);
}

// User + system CPU time the App process has used so far (/proc/{pid}/stat, clock ticks of 1/100 s): what the
// acknowledgements cost, which a loaded machine inflates far less than it inflates their latencies.
TimeSpan AppCpuTime()
{
    var stat = File.ReadAllText($"/proc/{app.Id}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return TimeSpan.FromMilliseconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10);
}

JsonObject Invoke(DemoPersona persona, string conversationId, string replyToId, JsonObject action) => new()
{
    ["type"] = "invoke",
    ["name"] = "adaptiveCard/action",
    ["id"] = Guid.NewGuid().ToString("N"),
    ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
    ["serviceUrl"] = serviceUrl,
    ["channelId"] = "msteams",
    ["from"] = new JsonObject { ["id"] = persona.TeamsUserId, ["name"] = persona.DisplayName, ["aadObjectId"] = persona.ObjectId },
    ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = DemoTenant.TenantId, ["id"] = conversationId },
    ["recipient"] = new JsonObject { ["id"] = $"28:{DemoTenant.BotAppId}", ["name"] = "TeamsPrevention" },
    ["locale"] = persona.PreferredLanguage,
    ["replyToId"] = replyToId,
    ["value"] = new JsonObject
    {
        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = action["verb"]!.DeepClone(), ["data"] = action["data"]?.DeepClone() ?? new JsonObject() },
        ["trigger"] = "manual",
    },
    ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = DemoTenant.TenantId }, ["source"] = new JsonObject { ["name"] = "message" } },
};

static JsonObject? FindAction(JsonNode? node, string verb) => node switch
{
    JsonObject o when o["verb"] is JsonValue v && v.ToString() == verb => o,
    JsonObject o => o.Select(p => FindAction(p.Value, verb)).FirstOrDefault(a => a is not null),
    JsonArray a => a.Select(n => FindAction(n, verb)).FirstOrDefault(x => x is not null),
    _ => null,
};

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN :
    sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:F0} MB";

/// <summary>The elapsed time at the end of ASP.NET Core hosting's "Request finished … 12.3456ms" log line.</summary>
internal static partial class LogPatterns
{
    [GeneratedRegex(@"(\d+(?:\.\d+)?)ms\s*$")]
    public static partial Regex RequestMilliseconds();
}
