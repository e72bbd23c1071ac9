using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>
/// The sandbox over HTTP and one or more Apps on one database: the sandbox's <c>/api/messages</c> forwards what a
/// persona does in the inbox to the current App (in memory), as Teams would post to the bot.
/// </summary>
internal sealed class AlertHarness : IAsyncDisposable
{
    private readonly List<DatabaseApp> _apps = [];
    private readonly Dictionary<string, string?> _settings;

    private AlertHarness(SandboxServer sandbox, TestDatabase database, Dictionary<string, string?> settings)
    {
        Sandbox = sandbox;
        Database = database;
        _settings = settings;
    }

    public SandboxServer Sandbox { get; }

    public TestDatabase Database { get; }

    /// <summary>The App the sandbox posts bot activities to (the last started one still running).</summary>
    public DatabaseApp? BotApp { get; private set; }

    public static string Oid(string role) => DemoTenant.Personas.First(p => p.Role == role).ObjectId;

    public static async Task<AlertHarness> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? settings = null, Action<SandboxServerOptions>? sandbox = null)
    {
        AlertHarness? harness = null;
        var server = await SandboxServer.StartAsync(options =>
        {
            options.Settings["SandboxTenant:BotEndpoint"] = new Uri(options.RootUrl, "api/messages").ToString();
            options.Settings["SandboxTenant:PreinstallBot"] = "false";
            options.ConfigureApp = app => app.MapPost("/api/messages", async (HttpRequest request) =>
            {
                var target = harness?.BotApp ?? throw new InvalidOperationException("No App is running.");
                using var client = target.CreateClient();
                using var forward = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
                {
                    Content = new StreamContent(request.Body),
                };
                forward.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                forward.Headers.TryAddWithoutValidation("Authorization", request.Headers.Authorization.ToString());
                using var response = await client.SendAsync(forward);
                var body = await response.Content.ReadAsStringAsync();
                return Results.Content(body, response.Content.Headers.ContentType?.ToString() ?? "application/json", statusCode: (int)response.StatusCode);
            });
            sandbox?.Invoke(options);
        });
        var all = new Dictionary<string, string?>
        {
            ["Sandbox:BaseUrl"] = server.BaseUrl.ToString(),
            ["App:PublicBaseUrl"] = "https://tp.example/",
            ["Alerts:PollInterval"] = "00:00:00.100",
            ["Alerts:RefreshUserLimit"] = "0",
            ["Bot:Connector:BaseDelay"] = "00:00:00.100",
            ["Bot:Connector:MaxDelay"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        harness = new AlertHarness(server, await TestDatabase.CreateAsync(provider), all);
        return harness;
    }

    public DatabaseApp StartApp(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = DatabaseApp.StartOn(Database, all, services);
        _apps.Add(app);
        BotApp = app;
        return app;
    }

    public async Task StopAppAsync(DatabaseApp app)
    {
        _apps.Remove(app);
        if (BotApp == app)
        {
            BotApp = _apps.LastOrDefault();
        }

        await app.DisposeAsync();
    }

    public Task<Guid> SendAsync(DatabaseApp app, string senderOid, object request) => CreateAlertAsync(app, senderOid, request);

    /// <summary>Creates an alert through the App's API as <paramref name="senderOid"/>; its id.</summary>
    public static async Task<Guid> CreateAlertAsync(DatabaseApp app, string senderOid, object request)
    {
        using var client = app.CreateClient(senderOid);
        using var response = await client.PostAsJsonAsync("/api/alerts", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    /// <summary>The directory's person with the Entra object id <paramref name="oid"/>, as the App reads it.</summary>
    public static Task<DirectoryPerson> PersonAsync(DatabaseApp app, string oid) => app.InScopeAsync(async sp =>
        (await sp.GetRequiredService<DirectoryService>().FindByEntraObjectIdAsync(Guid.Parse(oid), CancellationToken.None))!);

    public static async Task<JsonObject> TrackingAsync(DatabaseApp app, Guid alertId, string oid)
    {
        using var client = app.CreateClient(oid);
        return (await client.GetFromJsonAsync<JsonObject>($"/api/alerts/{alertId}"))!;
    }

    /// <summary>Waits until <paramref name="done"/> holds, polling.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> done, TimeSpan? timeout = null, string? because = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < until, because ?? "Timed out waiting.");
            await Task.Delay(100);
        }
    }

    /// <summary>The bot's activities in a persona's chat (empty when there is none).</summary>
    public async Task<IReadOnlyList<JsonObject>> InboxAsync(string oid)
    {
        var inbox = await Sandbox.Http.GetFromJsonAsync<JsonObject>($"inbox/{oid}");
        return inbox?["conversation"]?["activities"] is JsonArray activities ? [.. activities.OfType<JsonObject>()] : [];
    }

    public async Task<IReadOnlyList<AlertDelivery>> DeliveriesAsync(DatabaseApp app, Guid alertId) =>
        await app.InScopeAsync<IReadOnlyList<AlertDelivery>>(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Set<AlertDelivery>()).Where(d => d.AlertId == alertId));
        });

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.ToList())
        {
            await app.DisposeAsync();
        }

        await Database.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
