using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Sandbox;

public sealed class SandboxIdentityTests
{
    [Fact]
    public async Task PublishesDiscoveryWithTenantIssuerAndKeys()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var discovery = await sandbox.Http.GetFromJsonAsync<JsonObject>($"login/{DemoTenant.TenantId}/v2.0/.well-known/openid-configuration");
        var jwks = await sandbox.Http.GetFromJsonAsync<JsonObject>($"login/{DemoTenant.TenantId}/discovery/v2.0/keys");

        Assert.Equal($"{sandbox.BaseUrl}login/{DemoTenant.TenantId}/v2.0", discovery!["issuer"]!.GetValue<string>());
        Assert.Equal($"{sandbox.BaseUrl}login/{DemoTenant.TenantId}/discovery/v2.0/keys", discovery["jwks_uri"]!.GetValue<string>());
        Assert.Equal($"{sandbox.BaseUrl}login/{DemoTenant.TenantId}/oauth2/v2.0/token", discovery["token_endpoint"]!.GetValue<string>());
        var key = Assert.Single(jwks!["keys"]!.AsArray())!;
        Assert.Equal("RSA", key["kty"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(key["kid"]!.GetValue<string>()));
        Assert.Null(key["d"]);
    }

    [Fact]
    public async Task AnswersUnknownTenantLikeEntra()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var response = await sandbox.Http.GetAsync("login/00000000-0000-0000-0000-000000000000/v2.0/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("AADSTS90002:", (await response.Content.ReadFromJsonAsync<JsonObject>())!["error_description"]!.GetValue<string>());
    }

    [Fact]
    public async Task IssuesGraphTokenWithApplicationRolesThatValidatesAgainstPublishedKeys()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var token = await sandbox.GetAppTokenAsync("https://graph.microsoft.com/.default");
        var result = await ValidateAsync(sandbox, token, DemoTenant.TenantId, "https://graph.microsoft.com");

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(DemoTenant.TenantId, result.Claims["tid"]);
        Assert.Equal(DemoTenant.BotAppId, result.Claims["azp"]);
        Assert.Equal("2.0", result.Claims["ver"]);
        var roles = ((JsonWebToken)result.SecurityToken).Claims.Where(c => c.Type == "roles").Select(c => c.Value).ToList();
        Assert.Contains("Channel.Create", roles);
        Assert.Contains("ChannelMember.ReadWrite.All", roles);
    }

    [Fact]
    public async Task IssuesBotFrameworkTokenForBotFrameworkAudience()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var token = await sandbox.GetAppTokenAsync("https://api.botframework.com/.default");
        var jwt = new JsonWebToken(token);

        Assert.Equal("https://api.botframework.com", Assert.Single(jwt.Audiences));
        Assert.False(jwt.TryGetPayloadValue<object>("roles", out _));
    }

    [Fact]
    public async Task RejectsTokenSignedByTenantWhenValidatedAgainstOtherTenantKeys()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var otherToken = await sandbox.GetAppTokenAsync(
            "https://graph.microsoft.com/.default", DemoTenant.OtherTenantId, DemoTenant.OtherAppId, DemoTenant.OtherAppSecret);
        var result = await ValidateAsync(sandbox, otherToken, DemoTenant.TenantId, "https://graph.microsoft.com", validateIssuer: false);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(result.Exception);
    }

    [Fact]
    public async Task RefusesWrongSecretWithInvalidClient()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var response = await RequestTokenAsync(sandbox, DemoTenant.TenantId, DemoTenant.BotAppId, "wrong", "https://graph.microsoft.com/.default");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", body!["error"]!.GetValue<string>());
        Assert.StartsWith("AADSTS7000215:", body["error_description"]!.GetValue<string>());
        Assert.Equal(7000215, body["error_codes"]![0]!.GetValue<int>());
    }

    [Fact]
    public async Task RefusesAppOfAnotherTenant()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var response = await RequestTokenAsync(sandbox, DemoTenant.OtherTenantId, DemoTenant.BotAppId, DemoTenant.BotAppSecret, "https://graph.microsoft.com/.default");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unauthorized_client", body!["error"]!.GetValue<string>());
        Assert.StartsWith("AADSTS700016:", body["error_description"]!.GetValue<string>());
    }

    [Fact]
    public async Task RefusesClientCredentialsScopeWithoutDefaultSuffix()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var response = await RequestTokenAsync(sandbox, DemoTenant.TenantId, DemoTenant.BotAppId, DemoTenant.BotAppSecret, "https://graph.microsoft.com/User.Read.All");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task IssuesPersonaTokenForTheAppsApi()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var persona = DemoTenant.Personas[2];

        var token = await sandbox.GetPersonaTokenAsync(persona.ObjectId, scope: $"api://localhost/{DemoTenant.BotAppId}/access_as_user");
        var result = await ValidateAsync(sandbox, token, DemoTenant.TenantId, DemoTenant.BotAppId);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(persona.ObjectId, result.Claims["oid"]);
        Assert.Equal(persona.DisplayName, result.Claims["name"]);
        Assert.Equal(persona.UserPrincipalName, result.Claims["preferred_username"]);
        Assert.Equal("access_as_user", result.Claims["scp"]);
        Assert.Equal("2.0", result.Claims["ver"]);
    }

    [Fact]
    public async Task IssuesPersonaTokenByPasswordGrantWithUpn()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var persona = DemoTenant.Personas[0];

        using var response = await sandbox.Http.PostAsync($"login/{DemoTenant.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
            ["username"] = persona.UserPrincipalName,
            ["password"] = "ignored",
            ["scope"] = $"api://{DemoTenant.BotAppId}/access_as_user",
        }));
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();

        Assert.Equal(DemoTenant.BotAppId, Assert.Single(new JsonWebToken(token).Audiences));
        Assert.Equal(persona.ObjectId, new JsonWebToken(token).GetClaim("oid").Value);
    }

    [Fact]
    public async Task StopsAcceptingOldKeyAfterRotationWithoutKeepingPrevious()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var before = await sandbox.GetAppTokenAsync("https://graph.microsoft.com/.default");

        using var kept = await sandbox.Http.PostAsync($"keys/rotate?scope={DemoTenant.TenantId}", null);
        var afterKeeping = await ValidateAsync(sandbox, before, DemoTenant.TenantId, "https://graph.microsoft.com");
        using var dropped = await sandbox.Http.PostAsync($"keys/rotate?scope={DemoTenant.TenantId}&keepPrevious=false", null);
        var afterDropping = await ValidateAsync(sandbox, before, DemoTenant.TenantId, "https://graph.microsoft.com");
        var fresh = await ValidateAsync(sandbox, await sandbox.GetAppTokenAsync("https://graph.microsoft.com/.default"), DemoTenant.TenantId, "https://graph.microsoft.com");

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.True(afterKeeping.IsValid);
        Assert.False(afterDropping.IsValid);
        Assert.True(fresh.IsValid);
    }

    [Fact]
    public async Task PublishesBotFrameworkMetadataWithItsOwnKey()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var metadata = await sandbox.Http.GetFromJsonAsync<JsonObject>("botframework/v1/.well-known/openidconfiguration");
        var keys = await sandbox.Http.GetFromJsonAsync<JsonObject>(metadata!["jwks_uri"]!.GetValue<string>());
        var tenantKeys = await sandbox.Http.GetFromJsonAsync<JsonObject>($"login/{DemoTenant.TenantId}/discovery/v2.0/keys");

        Assert.Equal("https://api.botframework.com", metadata["issuer"]!.GetValue<string>());
        var key = Assert.Single(keys!["keys"]!.AsArray())!;
        Assert.NotEqual(tenantKeys!["keys"]![0]!["kid"]!.GetValue<string>(), key["kid"]!.GetValue<string>());
        Assert.Equal("msteams", key["endorsements"]![0]!.GetValue<string>());
    }

    internal static async Task<TokenValidationResult> ValidateAsync(SandboxServer sandbox, string token, string tenantId, string audience, bool validateIssuer = true)
    {
        var jwks = await sandbox.Http.GetStringAsync($"login/{tenantId}/discovery/v2.0/keys");
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = $"{sandbox.BaseUrl}login/{tenantId}/v2.0",
            ValidateIssuer = validateIssuer,
            ValidAudience = audience,
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
        });
    }

    private static Task<HttpResponseMessage> RequestTokenAsync(SandboxServer sandbox, string tenantId, string clientId, string secret, string scope) =>
        sandbox.Http.PostAsync($"login/{tenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }));
}
