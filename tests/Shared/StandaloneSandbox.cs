using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsPrevention.Sandbox;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Shared;

/// <summary>
/// The sandbox tenant on its own Kestrel (<c>http://127.0.0.1:{port}/sandbox/</c>) in the caller's process, for Apps
/// run as separate processes (<see cref="AppProcess"/>). Shared as a linked file by the end-to-end tests and the benchmark.
/// </summary>
internal sealed class StandaloneSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandaloneSandbox(WebApplication app, Uri rootUrl)
    {
        _app = app;
        BaseUrl = new Uri(rootUrl, "sandbox/");
        Http = new HttpClient { BaseAddress = BaseUrl };
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the sandbox (environment Development, no logging) with <paramref name="settings"/> on top of its defaults.</summary>
    public static async Task<StandaloneSandbox> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var rootUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls(rootUrl.ToString().TrimEnd('/'));
        builder.Logging.ClearProviders();
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.Services.AddSandbox(builder.Configuration);
        var app = builder.Build();
        app.MapSandbox();
        await app.StartAsync();
        return new StandaloneSandbox(app, rootUrl);
    }

    /// <summary>A token for the App's API, signed in as the demo tenant's persona <paramref name="objectId"/>.</summary>
    public async Task<string> PersonaTokenAsync(string objectId, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsync(
            new Uri($"login/{DemoTenant.TenantId}/personas/{objectId}/token", UriKind.Relative), new FormUrlEncodedContent([]), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return body!["access_token"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
