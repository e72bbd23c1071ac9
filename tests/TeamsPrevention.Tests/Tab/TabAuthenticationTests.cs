using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.App.Tab;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Tab;

public sealed class TabAuthenticationTests
{
    private static readonly DemoPersona Referent = DemoTenant.Personas[2];

    [Fact]
    public async Task ReturnsCallerForPersonaTokenFromSandbox()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var app = CreateApp(sandbox);
        var token = await sandbox.GetPersonaTokenAsync(Referent.ObjectId);

        using var response = await GetMeAsync(app, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<TabEndpoints.MeResponse>();
        Assert.Equal(new TabEndpoints.MeResponse(Referent.ObjectId, DemoTenant.TenantId, Referent.DisplayName), me);
    }

    [Fact]
    public async Task AcceptsTokenRequestedWithApplicationIdUri()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var app = CreateApp(sandbox);
        var token = await sandbox.GetPersonaTokenAsync(Referent.ObjectId, scope: $"api://localhost:5080/{DemoTenant.BotAppId}/access_as_user");

        using var response = await GetMeAsync(app, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RejectsRequestWithoutToken()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var app = CreateApp(sandbox);

        using var response = await GetMeAsync(app, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RejectsTokenFromOtherSandboxTenant()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var app = CreateApp(sandbox);
        var token = await sandbox.GetPersonaTokenAsync(DemoTenant.OtherPersonas[0].ObjectId, DemoTenant.OtherTenantId, audience: DemoTenant.BotAppId);

        using var response = await GetMeAsync(app, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RejectsTokenSignedWithAnotherKey()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var app = CreateApp(sandbox);
        var genuine = new JsonWebToken(await sandbox.GetPersonaTokenAsync(Referent.ObjectId));
        using var rsa = RSA.Create(2048);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = genuine.Issuer,
            Audience = genuine.Audiences.Single(),
            Expires = genuine.ValidTo,
            NotBefore = genuine.ValidFrom,
            IssuedAt = genuine.IssuedAt,
            Claims = genuine.Claims.Where(c => c.Type is "oid" or "tid" or "name" or "scp" or "ver" or "preferred_username").ToDictionary(c => c.Type, c => (object)c.Value),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = genuine.Kid }, SecurityAlgorithms.RsaSha256),
        });

        using var response = await GetMeAsync(app, forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RejectsExpiredToken()
    {
        await using var sandbox = await SandboxServer.StartAsync(o => o.Clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-2)));
        using var app = CreateApp(sandbox);
        var token = await sandbox.GetPersonaTokenAsync(Referent.ObjectId);

        using var response = await GetMeAsync(app, token);

        Assert.True(new JsonWebToken(token).ValidTo < DateTime.UtcNow.AddMinutes(-30));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RejectsTokenForAnotherAudience()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var app = CreateApp(sandbox);
        var token = await sandbox.GetPersonaTokenAsync(Referent.ObjectId, audience: "9d1e6a3b-0000-4000-8000-00000000beef");

        using var response = await GetMeAsync(app, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ForbidsTokenWithoutTabScope()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var app = CreateApp(sandbox);
        var token = await sandbox.GetPersonaTokenAsync(Referent.ObjectId, scope: $"api://{DemoTenant.BotAppId}/Something.Else");

        using var response = await GetMeAsync(app, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RejectsApplicationTokenOfTheBot()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var app = CreateApp(sandbox);
        var token = await sandbox.GetAppTokenAsync("https://graph.microsoft.com/.default");

        using var response = await GetMeAsync(app, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static AppFactory CreateApp(SandboxServer sandbox) =>
        new(new Dictionary<string, string?> { ["Sandbox:BaseUrl"] = sandbox.BaseUrl.ToString() });

    private static async Task<HttpResponseMessage> GetMeAsync(AppFactory app, string? token)
    {
        var client = app.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.GetAsync("/api/me");
    }
}
