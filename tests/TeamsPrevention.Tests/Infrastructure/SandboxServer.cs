using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.Sandbox;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Tests.Infrastructure;

/// <summary>
/// The sandbox tenant on its own, on real Kestrel at <c>http://127.0.0.1:{free port}</c>, as the App sees it in
/// production shape. Each test owns one: <c>await using var sandbox = await SandboxServer.StartAsync();</c>.
/// Options: settings (config keys), a <see cref="FakeTimeProvider"/> (rate windows, token lifetimes), extra services
/// and endpoints on the same host (e.g. a fake bot at <c>/api/messages</c>; its URL is known before start).
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri rootUrl, FakeTimeProvider? clock)
    {
        _app = app;
        RootUrl = rootUrl;
        BaseUrl = new Uri(rootUrl, "sandbox/");
        Clock = clock;
        Http = new HttpClient { BaseAddress = BaseUrl };
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri RootUrl { get; }

    /// <summary><c>{S}</c> = <c>http://127.0.0.1:{port}/sandbox/</c>; give it to the App as <c>Sandbox:BaseUrl</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The sandbox's clock when the test asked for a fake one.</summary>
    public FakeTimeProvider? Clock { get; }

    public IServiceProvider Services => _app.Services;

    public SandboxState State => Services.GetRequiredService<SandboxState>();

    /// <summary>A client whose base address is <see cref="BaseUrl"/> (relative paths like <c>connector/v3/conversations</c>).</summary>
    public HttpClient Http { get; }

    public static async Task<SandboxServer> StartAsync(Action<SandboxServerOptions>? configure = null)
    {
        var options = new SandboxServerOptions(new Uri($"http://127.0.0.1:{FreePort.Next()}/"));
        configure?.Invoke(options);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls(options.RootUrl.ToString().TrimEnd('/'));
        builder.Logging.ClearProviders();
        foreach (var (key, value) in options.Settings)
        {
            builder.Configuration[key] = value;
        }

        if (options.Clock is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(options.Clock);
        }

        builder.Services.AddSandbox(builder.Configuration);
        options.ConfigureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSandbox();
        options.ConfigureApp?.Invoke(app);
        await app.StartAsync();
        return new SandboxServer(app, options.RootUrl, options.Clock);
    }

    /// <summary>An application token by client credentials (<c>https://graph.microsoft.com/.default</c>, <c>https://api.botframework.com/.default</c>).</summary>
    public async Task<string> GetAppTokenAsync(
        string scope,
        string tenantId = DemoTenant.TenantId,
        string clientId = DemoTenant.BotAppId,
        string clientSecret = DemoTenant.BotAppSecret)
    {
        using var response = await Http.PostAsync($"login/{tenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = scope,
        }));
        return await AccessTokenAsync(response);
    }

    /// <summary>A persona's token for the tab's API (aud = the App's client id unless <paramref name="audience"/> forces another).</summary>
    public async Task<string> GetPersonaTokenAsync(
        string objectId, string tenantId = DemoTenant.TenantId, string? scope = null, string? audience = null, string? clientId = null)
    {
        var form = new Dictionary<string, string>();
        if (clientId is not null)
        {
            form["client_id"] = clientId;
        }

        if (scope is not null)
        {
            form["scope"] = scope;
        }

        if (audience is not null)
        {
            form["audience"] = audience;
        }

        using var response = await Http.PostAsync($"login/{tenantId}/personas/{objectId}/token", new FormUrlEncodedContent(form));
        return await AccessTokenAsync(response);
    }

    /// <summary>A client for the Bot Connector with a Bot Framework token of the bot app.</summary>
    public async Task<HttpClient> CreateConnectorClientAsync(string tenantId = DemoTenant.TenantId, string clientId = DemoTenant.BotAppId, string clientSecret = DemoTenant.BotAppSecret)
    {
        var token = await GetAppTokenAsync("https://api.botframework.com/.default", tenantId, clientId, clientSecret);
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl, "connector/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<string> AccessTokenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return response.IsSuccessStatusCode
            ? body!["access_token"]!.GetValue<string>()
            : throw new InvalidOperationException($"The sandbox refused a token: {(int)response.StatusCode} {body}");
    }
}
