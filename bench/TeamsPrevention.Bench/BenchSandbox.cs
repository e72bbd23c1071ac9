using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Sockets;
using TeamsPrevention.Sandbox;

namespace TeamsPrevention.Bench;

/// <summary>The sandbox tenant on its own Kestrel (<c>http://127.0.0.1:{port}/sandbox/</c>), in the benchmark's process.</summary>
internal sealed class BenchSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchSandbox(WebApplication app, Uri rootUrl)
    {
        _app = app;
        BaseUrl = new Uri(rootUrl, "sandbox/");
        Http = new HttpClient { BaseAddress = BaseUrl };
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BenchSandbox> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var rootUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
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
        return new BenchSandbox(app, rootUrl);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
