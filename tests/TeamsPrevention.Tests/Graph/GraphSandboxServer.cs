using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.App.Graph;
using TeamsPrevention.App.Hosting;
using TeamsPrevention.Sandbox;
using TeamsPrevention.Sandbox.Graph;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;
using GraphBatch = TeamsPrevention.App.Graph.GraphBatch;

namespace TeamsPrevention.Tests.Graph;

/// <summary>
/// The sandbox on Kestrel at a free loopback port, with Graph tokens signed by a key this server owns, issued by a
/// small client-credentials endpoint at <c>/test-login/{tenant}/oauth2/v2.0/token</c> (kept apart from the sandbox
/// identity's <c>/sandbox/login/...</c>). <see cref="CreateGateway"/> builds the App's real gateway against it.
/// </summary>
public sealed class GraphSandboxServer : IAsyncDisposable
{
    public const string GraphAudience = "https://graph.microsoft.com";
    private readonly WebApplication _app;
    private readonly List<IHost> _hosts = [];

    private GraphSandboxServer(WebApplication app, Uri baseUrl, RsaSecurityKey key)
    {
        _app = app;
        BaseUrl = baseUrl;
        Key = key;
    }

    public Uri BaseUrl { get; }

    public Uri SandboxBase => new(BaseUrl, "sandbox/");

    /// <summary>The Graph root with a trailing slash, for raw requests (<c>new Uri(GraphRoot, "users")</c>).</summary>
    public Uri GraphRoot => new(BaseUrl, "sandbox/graph/v1.0/");

    public RsaSecurityKey Key { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Sandbox settings, e.g. <c>["SandboxTenant:Graph:TeamRequestsPerWindow"] = "100"</c>.</param>
    /// <param name="time">The sandbox's clock (a FakeTimeProvider to move throttling windows and operations).</param>
    public static async Task<GraphSandboxServer> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var port = FreePort.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSandbox(builder.Configuration);
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "graph-test-key" };
        builder.Services.Replace(ServiceDescriptor.Singleton<IGraphTokenKeys>(new StaticGraphTokenKeys([key], [DemoTenant.TenantId])));

        var app = builder.Build();
        app.MapSandbox();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var server = new GraphSandboxServer(app, baseUrl, key);
        app.MapPost("/test-login/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_id"] != DemoTenant.BotAppId || form["client_secret"] != DemoTenant.BotAppSecret
                || form["scope"] != "https://graph.microsoft.com/.default")
            {
                return Results.BadRequest(new { error = "invalid_client" });
            }

            return Results.Ok(new { token_type = "Bearer", expires_in = 3600, access_token = server.IssueToken(tenantId: tenant) });
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>A Graph token as the sandbox tenant would issue it, with any one thing changed to test refusals.</summary>
    public string IssueToken(
        string audience = GraphAudience,
        string tenantId = DemoTenant.TenantId,
        SecurityKey? key = null,
        DateTimeOffset? expires = null,
        string? issuer = null,
        string appId = DemoTenant.BotAppId)
    {
        var now = DateTimeOffset.UtcNow;
        var notAfter = expires ?? now.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? new Uri(SandboxBase, $"login/{tenantId}/v2.0").ToString(),
            Audience = audience,
            IssuedAt = (notAfter < now ? notAfter.AddHours(-1) : now).UtcDateTime,
            NotBefore = (notAfter < now ? notAfter.AddHours(-1) : now).UtcDateTime,
            Expires = notAfter.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("tid", tenantId), new Claim("appid", appId), new Claim("azp", appId), new Claim("roles", "Channel.Create")]),
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>An HttpClient for raw Graph calls, with this token (none when null).</summary>
    public HttpClient CreateClient(string? token)
    {
        var client = new HttpClient { BaseAddress = GraphRoot };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>HttpClient with a valid token.</summary>
    public HttpClient CreateClient() => CreateClient(IssueToken());

    /// <summary>The App's Graph gateway, built as the App builds it, pointed at this sandbox.</summary>
    /// <param name="settings">App settings, e.g. <c>["Graph:SharedChannelPollInterval"] = "00:00:00.100"</c>.</param>
    public GraphClasses CreateGateway(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tenant:TenantId"] = DemoTenant.TenantId,
            ["Tenant:ClientId"] = DemoTenant.BotAppId,
            ["Tenant:ClientSecret"] = DemoTenant.BotAppSecret,
            ["Tenant:Instance"] = new Uri(BaseUrl, "test-login/").ToString(),
            ["Tenant:GraphBaseUrl"] = new Uri(BaseUrl, "sandbox/graph/v1.0").ToString(),
            ["Graph:SharedChannelPollInterval"] = "00:00:00.100",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.AddHosting();
        builder.AddGraphGateway();
        var host = builder.Build();
        _hosts.Add(host);
        var services = host.Services;
        return new GraphClasses(
            services.GetRequiredService<GraphPeople>(),
            services.GetRequiredService<GraphChannels>(),
            services.GetRequiredService<GraphCalendar>(),
            services.GetRequiredService<GraphOnlineMeetings>(),
            services.GetRequiredService<GraphInstallation>(),
            services.GetRequiredService<GraphBatch>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The App's Graph classes, as the App's container builds them (one shared connection each).</summary>
public sealed record GraphClasses(
    GraphPeople People, GraphChannels Channels, GraphCalendar Calendar, GraphOnlineMeetings OnlineMeetings, GraphInstallation Installation, GraphBatch Batch);
