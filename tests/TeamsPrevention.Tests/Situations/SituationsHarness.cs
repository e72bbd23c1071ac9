using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Situations;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Situations;

/// <summary>
/// The real App on a test database with the demo directory, signed in per persona (<c>X-Test-Oid</c>), the channel
/// worker switched off (tests run passes themselves), optionally pointed at a <see cref="SandboxServer"/> for Graph,
/// optionally on a fake clock, with the App's log output captured.
/// </summary>
internal sealed class SituationsHarness : IAsyncDisposable
{
    public static readonly string TestKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());
    private readonly Dictionary<string, HttpClient> _clients = [];

    private SituationsHarness(DatabaseApp app, FakeTimeProvider? clock, CapturingLoggerProvider logs)
    {
        App = app;
        Clock = clock;
        Logs = logs;
    }

    public DatabaseApp App { get; }

    public FakeTimeProvider? Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public static Task<SituationsHarness> StartAsync(
        SandboxServer? sandbox = null, FakeTimeProvider? clock = null, IDictionary<string, string?>? settings = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        StartAsync(provider, sandbox, clock, settings);

    public static async Task<SituationsHarness> StartAsync(
        DatabaseProvider provider, SandboxServer? sandbox, FakeTimeProvider? clock, IDictionary<string, string?>? settings)
    {
        var logs = new CapturingLoggerProvider();
        var app = await DatabaseApp.StartAsync(provider, Settings(sandbox, settings), services => Configure(services, logs, clock));
        return new SituationsHarness(app, clock, logs);
    }

    /// <summary>A second instance of the App on the same database (several instances).</summary>
    public static Task<SituationsHarness> StartOnAsync(SituationsHarness other, SandboxServer? sandbox, IDictionary<string, string?>? settings = null)
    {
        var logs = new CapturingLoggerProvider();
        var app = DatabaseApp.StartOn(other.App.Database, Settings(sandbox, settings), services => Configure(services, logs, other.Clock));
        return Task.FromResult(new SituationsHarness(app, other.Clock, logs));
    }

    /// <summary>An instance of the App on an existing database that the caller owns (a restart with other settings).</summary>
    public static SituationsHarness StartOn(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var logs = new CapturingLoggerProvider();
        var app = DatabaseApp.StartOn(database, Settings(null, settings), s =>
        {
            Configure(s, logs, null);
            services?.Invoke(s);
        });
        return new SituationsHarness(app, null, logs);
    }

    private static Dictionary<string, string?> Settings(SandboxServer? sandbox, IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Situations:IdentityKey"] = TestKey,
            ["Situations:WorkerEnabled"] = "false",
            ["Situations:CellTeamId"] = DemoTenant.CellTeamId,
        };
        if (sandbox is not null)
        {
            all["Sandbox:BaseUrl"] = sandbox.BaseUrl.ToString();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    private static void Configure(IServiceCollection services, CapturingLoggerProvider logs, FakeTimeProvider? clock)
    {
        services.AddSingleton<ILoggerProvider>(logs);
        if (clock is not null)
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        }
    }

    public HttpClient As(string oid)
    {
        if (!_clients.TryGetValue(oid, out var client))
        {
            client = App.CreateClient(oid);
            _clients[oid] = client;
        }

        return client;
    }

    /// <summary>Records a signal as <paramref name="oid"/>; returns its code.</summary>
    public async Task<string> ReportAsync(string oid, object? body = null)
    {
        using var response = await As(oid).PostAsJsonAsync("/api/situations", body ?? new { text = "Signal de test" });
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {json}");
        return json!["code"]!.GetValue<string>();
    }

    public async Task<HttpResponseMessage> PostAsync(string oid, string path, object? body = null) =>
        await As(oid).PostAsJsonAsync(path, body ?? new { });

    public async Task<JsonObject?> GetJsonAsync(string oid, string path)
    {
        using var response = await As(oid).GetAsync(path);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    public async Task<string?> StatusAsync(string code) =>
        await InScopeAsync(async db => await db.Set<Situation>().Where(s => s.Code == code).Select(s => (SituationStatus?)s.Status).FirstOrDefaultAsync()) is { } s
            ? s.ToString()
            : null;

    public async Task<Guid> PersonIdAsync(string oid)
    {
        var id = Guid.Parse(oid);
        return await InScopeAsync(db => db.Set<App.Directory.Person>().Where(p => p.EntraObjectId == id).Select(p => p.Id).FirstAsync());
    }

    public async Task<Guid> OrganisationIdAsync(string key) =>
        await InScopeAsync(db => db.Set<App.Directory.Organisation>().Where(o => o.Key == key).Select(o => o.Id).FirstAsync());

    public Task<List<AuditEntry>> AuditAsync() =>
        InScopeAsync(db => db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    public Task<T> InScopeAsync<T>(Func<AppDbContext, Task<T>> work) =>
        App.InScopeAsync(sp => work(sp.GetRequiredService<AppDbContext>()));

    public Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull =>
        App.InScopeAsync(sp => work(sp.GetRequiredService<TService>()));

    /// <summary>Runs channel passes until nothing is due (at most <paramref name="max"/>), moving the fake clock if any.</summary>
    public async Task RunChannelPassesAsync(int max = 20)
    {
        for (var i = 0; i < max; i++)
        {
            var handled = await WithAsync<SituationChannels, int>(c => c.RunPassAsync(CancellationToken.None));
            var pending = await InScopeAsync(db => db.Set<Situation>().CountAsync(s =>
                s.ChannelState == ChannelState.Requested || s.ChannelState == ChannelState.Removing || s.ChannelProblem != null));
            if (pending == 0)
            {
                return;
            }

            if (handled == 0)
            {
                // Something is waiting for a retry time: bring it forward.
                await InScopeAsync(db => db.Set<Situation>().Where(s => s.ChannelProblem != null || s.ChannelState == ChannelState.Requested)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.ChannelSyncDueAt, DateTimeOffset.UnixEpoch)));
            }
        }
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }
}
