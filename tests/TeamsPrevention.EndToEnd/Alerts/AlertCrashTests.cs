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
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.EndToEnd.Alerts;

/// <summary>
/// Crash safety of the alerts' outbox with the App as a real process: killed (SIGKILL) three times during a
/// 1,000-recipient fan-out and restarted on the same database, SQLite file or PostgreSQL. Every recipient ends with a
/// card; the only extra cards are sends that were in flight at a kill, counted and bounded by what can be in flight.
/// The App runs at its shipped defaults (delivery pacing, parallelism, batch, poll interval, lease, heartbeat) against
/// the tenant's own limits: the restarted instance takes the killed one's rows within seconds (its heartbeat runs out
/// after 10 s), not after the 5-minute lease.
/// </summary>
public sealed class AlertCrashTests
{
    private const int Recipients = 1000;
    private static readonly int Parallelism = new AlertDeliveryOptions().Parallelism;
    private static readonly int[] KillAfterCards = [150, 450, 750];

    /// <summary>Shipped lease 5 min; the dead instance's heartbeat runs out after 10 s: its rows must move well before the lease.</summary>
    private static readonly TimeSpan TakeoverBound = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DeliversEveryCardWhenTheAppIsKilledThreeTimesDuringAFanOut(DatabaseProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var progress = new List<string>();
        var ct = timeout.Token;
        var work = System.IO.Directory.CreateTempSubdirectory("tp-crash-");
        var postgres = provider == DatabaseProvider.Postgres ? await PostgresServer.GetAsync() : null;
        var connectionString = postgres is null ? $"Data Source={Path.Combine(work.FullName, "app.db")}" : await postgres.CreateDatabaseAsync();
        var appUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");

        // The tenant keeps its own limits (Teams' per-tenant and per-thread rates): the App paces itself at its defaults.
        await using var sandbox = await StandaloneSandbox.StartAsync(new Dictionary<string, string?>
        {
            ["SandboxTenant:BotEndpoint"] = new Uri(appUrl, "api/messages").ToString(),
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
            ["Data__Provider"] = provider.ToString(),
            [$"ConnectionStrings__{provider}"] = connectionString,
            ["Bot__AllowAnonymous"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        var app = await AppProcess.StartAsync(appUrl, environment, ct);
        try
        {
            List<Guid> personIds;
            await using (var db = Db(provider, connectionString))
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

            // Killed at three points of the fan-out (after 150, 450 and 750 cards reached Teams), restarted each time;
            // the takeover is the time from the kill to the next card sent (the new instance took the dead one's rows).
            var sendsAtKill = new List<int>();
            var takeovers = new List<TimeSpan>();
            foreach (var threshold in KillAfterCards)
            {
                while (AcceptedSends(traffic) < threshold)
                {
                    Assert.False(ct.IsCancellationRequested, $"The fan-out did not progress; {string.Join(", ", progress)}");
                    await Task.Delay(20, ct);
                }

                app.Kill();
                var killedAt = clock.Elapsed;
                sendsAtKill.Add(AcceptedSends(traffic));
                progress.Add($"killed at {killedAt.TotalSeconds:F1} s after {sendsAtKill[^1]} cards");
                await app.DisposeAsync();
                app = await AppProcess.StartAsync(appUrl, environment, ct);
                progress.Add($"restarted at {clock.Elapsed.TotalSeconds:F1} s");
                while (AcceptedSends(traffic) <= sendsAtKill[^1] && clock.Elapsed - killedAt < TakeoverBound)
                {
                    await Task.Delay(20, ct);
                }

                takeovers.Add(clock.Elapsed - killedAt);
                progress.Add($"sending again {takeovers[^1].TotalSeconds:F1} s after the kill");
            }

            // The last instance's rows wait for no lease: everything is out well before a 5-minute lease would end.
            var lastRestart = clock.Elapsed;
            int queued;
            while ((queued = await QueuedAsync(provider, connectionString, alertId, ct)) > 0)
            {
                Assert.False(clock.Elapsed - lastRestart > TimeSpan.FromSeconds(60), $"{queued} rows still queued, {AcceptedSends(traffic)} cards sent; {string.Join(", ", progress)}");
                await Task.Delay(200, ct);
            }

            progress.Add($"outbox empty at {clock.Elapsed.TotalSeconds:F0} s");

            var rows = await RowsAsync(provider, connectionString, alertId, ct);
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

            // Each kill's rows moved to the new instance within seconds, not after the lease.
            Assert.All(takeovers, t => Assert.True(t < TakeoverBound, $"no card for {t.TotalSeconds:F1} s after a kill; {string.Join(", ", progress)}"));
            Console.WriteLine($"Crash test ({provider}): {string.Join(", ", progress)}; {duplicates} duplicate cards (sends in flight at a kill); "
                + $"takeovers {string.Join(" / ", takeovers.Select(t => t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)))} s.");
        }
        catch (Exception) when (LogOnFailure(app))
        {
            throw;
        }
        finally
        {
            await app.DisposeAsync();
            work.Delete(recursive: true);
            if (postgres is not null)
            {
                await postgres.DropDatabaseAsync(connectionString);
            }
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

    private static AppDbContext Db(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.Postgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options);

    private static async Task<int> QueuedAsync(DatabaseProvider provider, string connectionString, Guid alertId, CancellationToken ct)
    {
        await using var db = Db(provider, connectionString);
        return await db.Set<AlertDelivery>().CountAsync(d => d.AlertId == alertId && d.Status == AlertDeliveryStatus.Queued, ct);
    }

    private static async Task<List<AlertDelivery>> RowsAsync(DatabaseProvider provider, string connectionString, Guid alertId, CancellationToken ct)
    {
        await using var db = Db(provider, connectionString);
        return await db.Set<AlertDelivery>().AsNoTracking().Where(d => d.AlertId == alertId).ToListAsync(ct);
    }
}
