using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamsPrevention.Tests.Infrastructure;

/// <summary>
/// A small real OpenID issuer over HTTP (Kestrel on a free loopback port) playing both the Bot Framework channel
/// identity and the tenant's Entra ID:
/// <list type="bullet">
/// <item><c>botframework/v1/.well-known/openidconfiguration</c> and <c>botframework/v1/.well-known/keys</c>;</item>
/// <item><c>{tenant}/v2.0/.well-known/openid-configuration</c> and <c>{tenant}/discovery/v2.0/keys</c>;</item>
/// <item><c>{tenant}/oauth2/v2.0/token</c> (client credentials; every access token it issues is recorded).</item>
/// </list>
/// Point <c>Tenant:Instance</c> at <see cref="BaseUrl"/> and <c>Tenant:BotOpenIdMetadataUrl</c> at
/// <see cref="BotMetadataUrl"/>. Keys can be published after start (rotation).
/// </summary>
public sealed class TestOpenIdIssuer : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    private readonly WebApplication _app;
    private readonly List<RsaSecurityKey> _botKeys = [];
    private readonly List<RsaSecurityKey> _tenantKeys = [];
    private readonly ConcurrentQueue<string> _issuedTokens = new();
    private readonly Lock _keysLock = new();

    private TestOpenIdIssuer(WebApplication app, string tenantId)
    {
        _app = app;
        TenantId = tenantId;
        BotKey = PublishBotKey();
        TenantKey = PublishTenantKey();
    }

    public string TenantId { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri BotMetadataUrl => new(BaseUrl, "botframework/v1/.well-known/openidconfiguration");

    /// <summary>The v2 issuer of the tenant on this server (<c>{Instance}{tenant}/v2.0</c>).</summary>
    public string TenantIssuer => new Uri(BaseUrl, $"{TenantId}/v2.0").ToString();

    /// <summary>The first Bot Framework signing key (published).</summary>
    public RsaSecurityKey BotKey { get; }

    /// <summary>The first tenant signing key (published).</summary>
    public RsaSecurityKey TenantKey { get; }

    /// <summary>Access tokens handed out by the token endpoint, in order.</summary>
    public IReadOnlyList<string> IssuedAccessTokens => [.. _issuedTokens];

    public static async Task<TestOpenIdIssuer> StartAsync(string tenantId)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var issuer = new TestOpenIdIssuer(app, tenantId);
        issuer.Map();
        await app.StartAsync();
        issuer.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return issuer;
    }

    /// <summary>A new RSA key, not published anywhere.</summary>
    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    /// <summary>Publishes a new Bot Framework signing key (old ones stay published) and returns it.</summary>
    public RsaSecurityKey PublishBotKey()
    {
        var key = NewKey();
        lock (_keysLock)
        {
            _botKeys.Add(key);
        }

        return key;
    }

    public RsaSecurityKey PublishTenantKey()
    {
        var key = NewKey();
        lock (_keysLock)
        {
            _tenantKeys.Add(key);
        }

        return key;
    }

    /// <summary>A signed JWT with the given claims and times.</summary>
    public static string CreateToken(
        SigningCredentials signing,
        string issuer,
        string audience,
        DateTime notBefore,
        DateTime expires,
        IDictionary<string, object>? claims = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            Claims = claims ?? new Dictionary<string, object>(),
            SigningCredentials = signing,
        });

    /// <summary>An unsigned token (<c>alg: none</c>) with the given payload.</summary>
    public static string CreateUnsignedToken(string payloadJson)
    {
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        return $"{header}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payloadJson))}.";
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void Map()
    {
        _app.MapGet("/botframework/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = BotFrameworkIssuer,
            ["authorization_endpoint"] = "https://invalid.example/oauth2/v2.0/authorize",
            ["jwks_uri"] = new Uri(BaseUrl, "botframework/v1/.well-known/keys").ToString(),
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        _app.MapGet("/botframework/v1/.well-known/keys", () => Jwks(_botKeys));
        _app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = new Uri(BaseUrl, $"{tenant}/v2.0").ToString(),
            ["authorization_endpoint"] = new Uri(BaseUrl, $"{tenant}/oauth2/v2.0/authorize").ToString(),
            ["token_endpoint"] = new Uri(BaseUrl, $"{tenant}/oauth2/v2.0/token").ToString(),
            ["jwks_uri"] = new Uri(BaseUrl, $"{tenant}/discovery/v2.0/keys").ToString(),
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _app.MapGet("/{tenant}/discovery/v2.0/keys", () => Jwks(_tenantKeys));
        _app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (tenant != TenantId || form["grant_type"] != "client_credentials" || string.IsNullOrEmpty(form["scope"]))
            {
                return Results.Json(new { error = "invalid_request" }, statusCode: 400);
            }

            var token = $"test-access-token-{Guid.NewGuid():N}";
            _issuedTokens.Enqueue(token);
            return Results.Json(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["access_token"] = token,
            });
        });
    }

    private IResult Jwks(List<RsaSecurityKey> keys)
    {
        List<Dictionary<string, object>> published;
        lock (_keysLock)
        {
            published = [.. keys.Select(k =>
            {
                var parameters = k.Rsa.ExportParameters(includePrivateParameters: false);
                return new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["kid"] = k.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                };
            })];
        }

        return Results.Json(new { keys = published });
    }
}
