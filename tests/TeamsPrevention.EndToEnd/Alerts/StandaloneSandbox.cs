using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsPrevention.Sandbox;

namespace TeamsPrevention.EndToEnd.Alerts;

/// <summary>The sandbox tenant on its own Kestrel (<c>http://127.0.0.1:{port}/sandbox/</c>) in the test process, for Apps run as separate processes.</summary>
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

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
