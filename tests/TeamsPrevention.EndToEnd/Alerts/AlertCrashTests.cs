using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.Sandbox.Realism;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Shared;

namespace TeamsPrevention.EndToEnd.Alerts;

/// <summary>
/// Crash safety of the alerts' outbox with the App as a real process: killed (SIGKILL) three times during a
/// 1,000-recipient fan-out and restarted on the same SQLite file. Every recipient ends with a card; the only extra
/// cards are sends that were in flight at a kill, counted and bounded by what can be in flight. The outbox's shipped
/// lease and heartbeat settings are kept: the restarted instance takes the killed one's rows within seconds (its
/// heartbeat runs out after 10 s), not after the 5-minute lease.
/// </summary>
public sealed class AlertCrashTests
{
    private const int Recipients = 1000;
    private const int Parallelism = 8;
    private static readonly int[] KillAfterCards = [150, 450, 750];

    [Fact]
    public async Task DeliversEveryCardWhenTheAppIsKilledThreeTimesDuringAFanOut()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var progress = new List<string>();
        var ct = timeout.Token;
        var work = System.IO.Directory.CreateTempSubdirectory("tp-crash-");
        var databasePath = Path.Combine(work.FullName, "app.db");
        var appUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");

        // The tenant's limits are lifted: this test is about crash safety, not pacing (the benchmark measures that).
        await using var sandbox = await StandaloneSandbox.StartAsync(new Dictionary<string, string?>
        {
            ["SandboxTenant:BotEndpoint"] = new Uri(appUrl, "api/messages").ToString(),
            ["SandboxTenant:RateLimits:Enabled"] = "false",
            ["SandboxTenant:TrafficCapacity"] = "100000",
        });
        var state = sandbox.Services.GetRequiredService<SandboxState>();
        var traffic = sandbox.Services.GetRequiredService<TrafficLog>();
        using (var seeded = await sandbox.Http.PostAsJsonAsync("personas/synthetic", new { count = Recipients }, ct))
        {
            seeded.EnsureSuccessStatusCode();
        }

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Test",
            ["Directory__SeedDemo"] = "true",
            ["Situations__CellTeamId"] = DemoTenant.CellTeamId,
            ["App__PublicBaseUrl"] = appUrl.ToString(),
            ["Sandbox__Embedded"] = "false",
            ["Sandbox__BaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Data__Provider"] = "Sqlite",
            ["ConnectionStrings__Sqlite"] = $"Data Source={databasePath}",
            ["Bot__AllowAnonymous"] = "false",
            ["Alerts__PollInterval"] = "00:00:00.100",
            ["Bot__Pacing__TenantPerSecond"] = "1000",
            ["Bot__Pacing__ThreadPerSecond"] = "100",
            ["Alerts__Delivery__Parallelism"] = Parallelism.ToString(CultureInfo.InvariantCulture),
            ["Alerts__Delivery__BatchSize"] = "16",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        var app = await AppProcess.StartAsync(appUrl, environment, ct);
        try
        {
            List<Guid> personIds;
            await using (var db = Db(databasePath))
            {
                personIds = await SyntheticDirectory.AddPeopleAsync(db, Recipients, ct);
            }

            using var api = new HttpClient { BaseAddress = appUrl };
            var coordinator = DemoTenant.Personas.First(p => p.Role == "Coordinator").ObjectId;
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.PersonaTokenAsync(coordinator, ct));
            Guid alertId;
            using (var created = await api.PostAsJsonAsync("/api/alerts", new { severity = "Info", category = "Information", message = "Test", people = personIds }, ct))
            {
                var body = await created.Content.ReadAsStringAsync(ct);
                Assert.True(created.IsSuccessStatusCode, body);
                alertId = JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
            }

            // Killed at three points of the fan-out (after 150, 450 and 750 cards reached Teams), restarted each time.
            var sendsAtKill = new List<int>();
            foreach (var threshold in KillAfterCards)
            {
                while (AcceptedSends(traffic) < threshold)
                {
                    Assert.False(ct.IsCancellationRequested, "The fan-out did not progress.");
                    await Task.Delay(20, ct);
                }

                app.Kill();
                sendsAtKill.Add(AcceptedSends(traffic));
                progress.Add($"killed at {clock.Elapsed.TotalSeconds:F0} s after {sendsAtKill[^1]} cards");
                await app.DisposeAsync();
                app = await AppProcess.StartAsync(appUrl, environment, ct);
                progress.Add($"restarted at {clock.Elapsed.TotalSeconds:F0} s");
            }

            // The last instance's rows wait for no lease: everything is out well before a 5-minute lease would end.
            var lastRestart = clock.Elapsed;
            int queued;
            while ((queued = await QueuedAsync(databasePath, alertId, ct)) > 0)
            {
                Assert.False(clock.Elapsed - lastRestart > TimeSpan.FromSeconds(60), $"{queued} rows still queued, {AcceptedSends(traffic)} cards sent; {string.Join(", ", progress)}");
                await Task.Delay(200, ct);
            }

            progress.Add($"outbox empty at {clock.Elapsed.TotalSeconds:F0} s");

            var rows = await RowsAsync(databasePath, alertId, ct);
            var cards = SyntheticPersonas.Create(Recipients)
                .Select(p => state.ConversationsOf(DemoTenant.TenantId, p.ObjectId).Sum(c => c.Activities.Count(a => a.Sender == "bot")))
                .ToList();
            var duplicates = cards.Sum(c => Math.Max(0, c - 1));

            // Every recipient has a card, none lost; every row is sent.
            Assert.Equal(Recipients, rows.Count);
            Assert.All(rows, r => Assert.Equal(AlertDeliveryStatus.Sent, r.Status));
            Assert.DoesNotContain(0, cards);

            // Duplicates only from sends in flight at a kill: at most Parallelism per kill, and each person twice at most.
            Assert.InRange(duplicates, 0, KillAfterCards.Length * Parallelism);
            Assert.All(cards, c => Assert.InRange(c, 1, 2));
            Assert.Equal(Recipients + duplicates, AcceptedSends(traffic));
            Console.WriteLine($"Crash test: {string.Join(", ", progress)}; {duplicates} duplicate cards (sends in flight at a kill).");
        }
        catch (Exception) when (LogOnFailure(app))
        {
            throw;
        }
        finally
        {
            await app.DisposeAsync();
            work.Delete(recursive: true);
        }
    }

    private static bool LogOnFailure(AppProcess app)
    {
        Console.WriteLine("App's last lines:\n" + app.LastLines());
        return false;
    }

    private static int AcceptedSends(TrafficLog traffic) =>
        traffic.Read("/sandbox/connector/v3/conversations")
            .Count(e => e.Method == "POST" && e.Path.EndsWith("/activities", StringComparison.Ordinal) && e.Status is 200 or 201);

    private static SqliteAppDbContext Db(string databasePath) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={databasePath}").Options);

    private static async Task<int> QueuedAsync(string databasePath, Guid alertId, CancellationToken ct)
    {
        await using var db = Db(databasePath);
        return await db.Set<AlertDelivery>().CountAsync(d => d.AlertId == alertId && d.Status == AlertDeliveryStatus.Queued, ct);
    }

    private static async Task<List<AlertDelivery>> RowsAsync(string databasePath, Guid alertId, CancellationToken ct)
    {
        await using var db = Db(databasePath);
        return await db.Set<AlertDelivery>().AsNoTracking().Where(d => d.AlertId == alertId).ToListAsync(ct);
    }
}
