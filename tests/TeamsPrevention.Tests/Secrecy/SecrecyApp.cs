using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Secrecy;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Secrecy;

/// <summary>
/// The real App on Kestrel with the sandbox tenant embedded (as <c>dotnet run</c>): the sandbox plays Teams towards the
/// App's <c>/api/messages</c> with signed Bot Framework tokens, and a test drives a persona through the inbox API
/// over HTTP (install, type, press a card button). The demo directory is seeded (Development). One per test.
/// </summary>
public sealed class SecrecyApp : IAsyncDisposable
{
    private readonly AppFactory _factory;

    private SecrecyApp(AppFactory factory, Uri baseAddress)
    {
        _factory = factory;
        Sandbox = new HttpClient { BaseAddress = new Uri(baseAddress, "sandbox/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>A client at <c>{S}</c>.</summary>
    public HttpClient Sandbox { get; }

    public IServiceProvider Services => _factory.Services;

    public static SecrecyApp Start()
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var factory = new AppFactory(new Dictionary<string, string?>
        {
            ["Urls"] = baseAddress.ToString().TrimEnd('/'),
            ["App:PublicBaseUrl"] = baseAddress.ToString().TrimEnd('/'),
            ["Sandbox:Embedded"] = "true",
            ["Bot:AllowAnonymous"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        try
        {
            factory.UseKestrel();
            factory.StartServer();
            return new SecrecyApp(factory, baseAddress);
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    public async Task<JsonNode> PostAsync(string path, object? body = null)
    {
        using var response = await Sandbox.PostAsJsonAsync(path, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public Task<JsonNode> InstallAsync(string objectId) => PostAsync($"inbox/{objectId}/install");

    public Task<JsonNode> SayAsync(string objectId, string text) => PostAsync($"inbox/{objectId}/messages", new { text });

    public Task<JsonNode> PressAsync(string objectId, string replyToId, string verb, JsonNode? data) =>
        PostAsync($"inbox/{objectId}/invoke", new { replyToId, verb, data });

    /// <summary>The activities the bot sent the persona (current versions), oldest first.</summary>
    public async Task<IReadOnlyList<JsonNode>> BotActivitiesAsync(string objectId)
    {
        var inbox = await Sandbox.GetFromJsonAsync<JsonNode>($"inbox/{objectId}");
        return [.. inbox!["conversation"]?["activities"]?.AsArray().Where(a => (string?)a!["from"] == "bot").Select(a => a!) ?? []];
    }

    /// <summary>The Adaptive Card an activity carries, if any.</summary>
    public static JsonNode? CardOf(JsonNode activity) =>
        activity["attachments"]?.AsArray().FirstOrDefault(a => (string?)a!["contentType"] == "application/vnd.microsoft.card.adaptive")?["content"];

    public async Task<List<SecrecyAcknowledgement>> AcknowledgementsAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SecrecyAcknowledgement>().AsNoTracking().ToListAsync();
    }

    public async Task<List<AuditEntry>> AuditEntriesAsync(AuditAction action)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Sandbox.Dispose();
        await _factory.DisposeAsync();
    }
}
