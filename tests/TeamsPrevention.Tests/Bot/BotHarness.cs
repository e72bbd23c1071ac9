using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Bot;

/// <summary>
/// The real App with its own SQLite file, a test OpenID issuer (Bot Framework + tenant keys, token endpoint) and a
/// recording Bot Connector, wired through configuration keys only. One per test.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string BotAppId = "9a1f3c55-7b2e-4d8a-b6c0-3e5f7a9b1d24";
    private const string PlaygroundTenant = "00000000-0000-0000-0000-0000000000001";
    private const string PlaygroundBot = "00000000-0000-0000-0000-00000000000011";
    private readonly AppFactory _factory;

    private BotHarness(TestOpenIdIssuer issuer, RecordingConnector connector, AppFactory factory, WebApplicationFactory<Program> app, bool kestrel)
    {
        Issuer = issuer;
        Connector = connector;
        _factory = factory;
        App = app;
        Client = app.CreateDefaultClient();
        if (kestrel)
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            Client.BaseAddress = new Uri(addresses.First());
        }
    }

    public TestOpenIdIssuer Issuer { get; }

    public RecordingConnector Connector { get; }

    public WebApplicationFactory<Program> App { get; }

    public HttpClient Client { get; }

    public string TenantId => Issuer.TenantId;

    public static string BotId => "28:" + BotAppId;

    public static async Task<BotHarness> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool kestrel = false)
    {
        var issuer = await TestOpenIdIssuer.StartAsync(Guid.NewGuid().ToString());
        var connector = await RecordingConnector.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Tenant:TenantId"] = issuer.TenantId,
            ["Tenant:ClientId"] = BotAppId,
            ["Tenant:ClientSecret"] = "test-secret",
            ["Tenant:Instance"] = issuer.BaseUrl.ToString(),
            ["Tenant:BotOpenIdMetadataUrl"] = issuer.BotMetadataUrl.ToString(),
            ["Bot:AllowAnonymous"] = "false",
            // The recording connector plays the Teams channel's service.
            ["Bot:ChannelServiceUrls:0"] = connector.ServiceUrl + "/",
            ["Bot:Connector:BaseDelay"] = "00:00:00.020",
            ["Bot:Connector:MaxDelay"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new AppFactory(all);
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddFakeLogging();
            services?.Invoke(s);
        }));
        if (kestrel)
        {
            // A real socket, for requests the in-memory server would reshape (a chunked body, for one).
            app.UseKestrel(0);
        }

        return new BotHarness(issuer, connector, factory, app, kestrel);
    }

    /// <summary>
    /// A reference activity (as the Agents Playground sends it) moved into this test's tenant, connector and bot id.
    /// <paramref name="locale"/> replaces the client's language when given.
    /// </summary>
    public JsonObject LoadActivity(string name, string? locale = null, string? text = null)
    {
        var activity = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bot", "Activities", name + ".json")))!.AsObject();
        activity["serviceUrl"] = Connector.ServiceUrl;
        if (activity["conversation"]?["tenantId"] is not null)
        {
            activity["conversation"]!["tenantId"] = TenantId;
        }

        if (activity["channelData"]?["tenant"] is JsonObject tenant && (string?)tenant["id"] == PlaygroundTenant)
        {
            tenant["id"] = TenantId;
        }

        if ((string?)activity["recipient"]?["id"] == PlaygroundBot)
        {
            activity["recipient"]!["id"] = BotId;
        }

        foreach (var entity in activity["entities"]?.AsArray() ?? [])
        {
            if ((string?)entity?["mentioned"]?["id"] == PlaygroundBot)
            {
                entity!["mentioned"]!["id"] = BotId;
            }

            if (locale is not null && (string?)entity?["type"] == "clientInfo")
            {
                entity!["locale"] = locale;
            }
        }

        if (locale is not null)
        {
            activity["locale"] = locale;
        }

        if (text is not null)
        {
            activity["text"] = text;
        }

        return activity;
    }

    /// <summary>A Bot Framework channel token: valid unless told otherwise.</summary>
    public string BotToken(
        string? serviceUrl = "",
        string? audience = null,
        string issuer = TestOpenIdIssuer.BotFrameworkIssuer,
        DateTime? notBefore = null,
        DateTime? expires = null,
        SigningCredentials? signing = null)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl.Length == 0 ? Connector.ServiceUrl : serviceUrl;
        }

        return TestOpenIdIssuer.CreateToken(
            signing ?? new SigningCredentials(Issuer.BotKey, SecurityAlgorithms.RsaSha256),
            issuer,
            audience ?? BotAppId,
            notBefore ?? DateTime.UtcNow.AddMinutes(-1),
            expires ?? DateTime.UtcNow.AddMinutes(30),
            claims);
    }

    /// <summary>
    /// A token of the tenant's Entra ID with the bot's app id as audience (v2 issuer of this test's instance unless told
    /// otherwise), signed with the tenant's real key: by default an application's token; <paramref name="claims"/> adds
    /// or replaces claims (a person's tab sign-in: <c>scp</c>, <c>oid</c>, <c>name</c>…).
    /// </summary>
    public string EntraToken(string? issuer = null, string? serviceUrl = null, IDictionary<string, object>? claims = null)
    {
        var all = new Dictionary<string, object>
        {
            ["tid"] = TenantId,
            ["azp"] = Guid.NewGuid().ToString(),
            ["idtyp"] = "app",
            ["ver"] = "2.0",
        };
        if (serviceUrl is not null)
        {
            all["serviceurl"] = serviceUrl;
        }

        foreach (var (key, value) in claims ?? new Dictionary<string, object>())
        {
            all[key] = value;
        }

        return TestOpenIdIssuer.CreateToken(
            new SigningCredentials(Issuer.TenantKey, SecurityAlgorithms.RsaSha256),
            issuer ?? Issuer.TenantIssuer,
            BotAppId,
            DateTime.UtcNow.AddMinutes(-1),
            DateTime.UtcNow.AddMinutes(30),
            all);
    }

    /// <summary>
    /// A person's tab single sign-on token, exactly as the tenant's Entra ID issues it for the App's API: v2 issuer,
    /// aud = the app id, <c>scp=access_as_user</c>, the person's <c>oid</c>, a Teams client as <c>azp</c>.
    /// </summary>
    public string UserToken(string objectId, string? serviceUrl = null, string? issuer = null) => EntraToken(
        issuer,
        serviceUrl,
        new Dictionary<string, object>
        {
            ["scp"] = "access_as_user",
            ["oid"] = objectId,
            ["sub"] = objectId,
            ["name"] = "Test Person",
            ["azp"] = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
            ["azpacr"] = "0",
            ["idtyp"] = "user",
        });

    /// <summary>A token signed with the Bot Framework's real key whose claims also say it is a person's (a forged mix).</summary>
    public string BotTokenWithClaims(IDictionary<string, object> claims)
    {
        var all = new Dictionary<string, object> { ["serviceurl"] = Connector.ServiceUrl };
        foreach (var (key, value) in claims)
        {
            all[key] = value;
        }

        return TestOpenIdIssuer.CreateToken(
            new SigningCredentials(Issuer.BotKey, SecurityAlgorithms.RsaSha256),
            TestOpenIdIssuer.BotFrameworkIssuer,
            BotAppId,
            DateTime.UtcNow.AddMinutes(-1),
            DateTime.UtcNow.AddMinutes(30),
            all);
    }

    public Task<HttpResponseMessage> PostAsync(JsonNode activity, string? token) => PostRawAsync(activity.ToJsonString(), token);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? token, string scheme = "Bearer")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        }

        return await Client.SendAsync(request);
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        using var scope = App.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<List<BotConversation>> StoredConversationsAsync() =>
        WithServiceAsync<AppDbContext, List<BotConversation>>(db => db.Set<BotConversation>().AsNoTracking().ToListAsync());

    /// <summary>The connector requests that posted activities (sends and replies).</summary>
    public IReadOnlyList<RecordedRequest> PostedActivities =>
        [.. Connector.Requests.Where(r => r.Method == "POST" && r.Path.Contains("/activities", StringComparison.Ordinal))];

    /// <summary>The messages the App logged with this event id (2000 = request refused, with its reason).</summary>
    public IReadOnlyList<string> LoggedMessages(int eventId) =>
        [.. App.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Id == eventId).Select(r => r.Message)];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
