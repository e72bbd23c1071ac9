using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Bot;

/// <summary>Inbound authentication on <c>/api/messages</c>, over HTTP, against a real OpenID issuer.</summary>
public sealed class BotAuthenticatorTests
{
    private const string InstallActivity = "installation-update-personal";

    [Fact]
    public async Task AcceptsValidBotFrameworkToken()
    {
        await using var bot = await BotHarness.StartAsync();

        using var response = await bot.PostAsync(bot.LoadActivity(InstallActivity), bot.BotToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.PostedActivities);
        Assert.Single(await bot.StoredConversationsAsync());
    }

    [Fact]
    public async Task AcceptsTokenSignedWithKeyPublishedAfterStart()
    {
        await using var bot = await BotHarness.StartAsync();
        using var first = await bot.PostAsync(bot.LoadActivity("conversation-update-personal"), bot.BotToken());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var rotated = bot.Issuer.PublishBotKey();
        using var response = await bot.PostAsync(
            bot.LoadActivity(InstallActivity), bot.BotToken(signing: new SigningCredentials(rotated, SecurityAlgorithms.RsaSha256)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.PostedActivities);
    }

    [Theory]
    [InlineData("none", "MissingToken")]
    [InlineData("bad signature", "InvalidSignature")]
    [InlineData("unknown kid", "UnknownSigningKey")]
    [InlineData("alg none", "InvalidSignature")]
    [InlineData("HS256 with the public key", "InvalidSignature")]
    [InlineData("wrong issuer", "UnknownIssuer")]
    [InlineData("entra issuer of another tenant", "UnknownIssuer")]
    [InlineData("wrong audience", "WrongAudience")]
    [InlineData("expired", "Expired")]
    [InlineData("not yet valid", "NotYetValid")]
    [InlineData("no expiry", "NoExpiry")]
    [InlineData("serviceUrl mismatch", "ServiceUrlMismatch")]
    [InlineData("bot framework token without serviceUrl", "MissingServiceUrlClaim")]
    [InlineData("entra token with another tid", "NotAChannelToken")]
    [InlineData("entra token with serviceUrl mismatch", "NotAChannelToken")]
    [InlineData("tenant key for the bot framework issuer", "UnknownSigningKey")]
    [InlineData("malformed", "MalformedToken")]
    [InlineData("basic scheme", "MalformedToken")]
    [InlineData("empty bearer", "MalformedToken")]
    public async Task RejectsForgedOrInvalidToken(string forgery, string reason)
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.LoadActivity(InstallActivity);
        var published = bot.Issuer.BotKey;
        var scheme = "Bearer";
        var token = forgery switch
        {
            "none" => null,
            "bad signature" => bot.BotToken(signing: new SigningCredentials(
                new RsaSecurityKey(RSA.Create(2048)) { KeyId = published.KeyId }, SecurityAlgorithms.RsaSha256)),
            "unknown kid" => bot.BotToken(signing: new SigningCredentials(TestOpenIdIssuer.NewKey(), SecurityAlgorithms.RsaSha256)),
            "alg none" => TestOpenIdIssuer.CreateUnsignedToken(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["iss"] = TestOpenIdIssuer.BotFrameworkIssuer,
                ["aud"] = BotHarness.BotAppId,
                ["serviceurl"] = bot.Connector.ServiceUrl,
                ["nbf"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
                ["exp"] = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds(),
            })),
            "HS256 with the public key" => bot.BotToken(signing: new SigningCredentials(
                new SymmetricSecurityKey(published.Rsa.ExportSubjectPublicKeyInfo()) { KeyId = published.KeyId }, SecurityAlgorithms.HmacSha256)),
            "wrong issuer" => bot.BotToken(issuer: "https://api.botframework.example"),
            "entra issuer of another tenant" => bot.EntraToken(issuer: $"https://login.microsoftonline.com/{Guid.NewGuid()}/v2.0"),
            "wrong audience" => bot.BotToken(audience: Guid.NewGuid().ToString()),
            "expired" => bot.BotToken(notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-6)),
            "not yet valid" => bot.BotToken(notBefore: DateTime.UtcNow.AddMinutes(6), expires: DateTime.UtcNow.AddHours(1)),
            "no expiry" => new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
                new SecurityTokenDescriptor
                {
                    Issuer = TestOpenIdIssuer.BotFrameworkIssuer,
                    Audience = BotHarness.BotAppId,
                    Claims = new Dictionary<string, object> { ["serviceurl"] = bot.Connector.ServiceUrl },
                    SigningCredentials = new SigningCredentials(published, SecurityAlgorithms.RsaSha256),
                }),
            "serviceUrl mismatch" => bot.BotToken(serviceUrl: "https://smba.trafficmanager.net/emea/"),
            "bot framework token without serviceUrl" => bot.BotToken(serviceUrl: null),
            "entra token with another tid" => bot.EntraToken(claims: new Dictionary<string, object> { ["tid"] = Guid.NewGuid().ToString() }),
            "entra token with serviceUrl mismatch" => bot.EntraToken(serviceUrl: "https://smba.trafficmanager.net/emea/"),
            "tenant key for the bot framework issuer" => bot.BotToken(
                signing: new SigningCredentials(bot.Issuer.TenantKey, SecurityAlgorithms.RsaSha256)),
            "malformed" => "not.a.jwt",
            "basic scheme" => Convert.ToBase64String("bot:secret"u8.ToArray()),
            "empty bearer" => "",
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
        if (forgery == "basic scheme")
        {
            scheme = "Basic";
        }

        using var response = await bot.PostRawAsync(activity.ToJsonString(), token, scheme);

        await AssertRefusedAsync(bot, response, reason);
    }

    [Fact]
    public async Task RejectsActivityOfAnotherTenantEvenWithValidToken()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.LoadActivity(InstallActivity);
        var otherTenant = Guid.NewGuid().ToString();
        activity["conversation"]!["tenantId"] = otherTenant;
        activity["channelData"]!["tenant"]!["id"] = otherTenant;

        using var response = await bot.PostAsync(activity, bot.BotToken());

        await AssertRefusedAsync(bot, response, "WrongActivityTenant");
    }

    [Fact]
    public async Task RejectsActivityWithoutTenant()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.LoadActivity(InstallActivity);
        activity["conversation"]!.AsObject().Remove("tenantId");
        activity.Remove("channelData");

        using var response = await bot.PostAsync(activity, bot.BotToken());

        await AssertRefusedAsync(bot, response, "WrongActivityTenant");
    }

    [Fact]
    public async Task AcceptsRequestWithoutTokenWhenAnonymousIsOn()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" });

        using var response = await bot.PostAsync(bot.LoadActivity(InstallActivity), token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.PostedActivities);
    }

    [Fact]
    public async Task ValidatesTokenThatIsPresentEvenWhenAnonymousIsOn()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" });

        using var response = await bot.PostAsync(bot.LoadActivity(InstallActivity), bot.BotToken(audience: "someone-else"));

        await AssertRefusedAsync(bot, response, "WrongAudience");
    }

    [Fact]
    public async Task RejectsAnonymousActivityWhoseServiceUrlIsNotLoopback()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" });
        var activity = bot.LoadActivity(InstallActivity);
        activity["serviceUrl"] = "https://attacker.example/connector";

        using var response = await bot.PostAsync(activity, token: null);

        await AssertRefusedAsync(bot, response, "UntrustedAnonymousServiceUrl");
    }

    [Fact]
    public async Task ChecksTheSignatureOfATokenOnceButTheActivityAgainstItEveryTime()
    {
        await using var bot = await BotHarness.StartAsync();
        var authenticator = bot.App.Services.GetRequiredService<App.Bot.BotAuthenticator>();
        var token = bot.BotToken();

        // Teams sends the same token with every activity: its signature is checked once.
        using (var first = await bot.PostAsync(bot.LoadActivity("conversation-update-personal"), token))
        using (var second = await bot.PostAsync(bot.LoadActivity(InstallActivity), token))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        Assert.Equal(1, authenticator.SignatureChecks);

        // The remembered token still binds the activity: another serviceUrl or tenant is refused.
        var elsewhere = bot.LoadActivity(InstallActivity);
        elsewhere["serviceUrl"] = "https://smba.trafficmanager.net/emea/";
        using var refused = await bot.PostAsync(elsewhere, token);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(["Bot request refused: ServiceUrlMismatch"], bot.LoggedMessages(2000));

        // Another token is checked in full, and a forged one is not let through by the remembered one.
        using var other = await bot.PostAsync(bot.LoadActivity(InstallActivity), bot.BotToken(expires: DateTime.UtcNow.AddMinutes(50)));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(2, authenticator.SignatureChecks);
        var forged = token[..token.LastIndexOf('.')] + "." + Convert.ToBase64String(new byte[256]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var forgedResponse = await bot.PostAsync(bot.LoadActivity(InstallActivity), forged);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);
    }

    private static async Task AssertRefusedAsync(BotHarness bot, HttpResponseMessage response, string reason)
    {
        Assert.Equal([$"Bot request refused: {reason}"], bot.LoggedMessages(2000));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(problem.RootElement.TryGetProperty("detail", out _), "the body must not say why");
        Assert.Empty(bot.Connector.Requests);
        Assert.Empty(bot.Issuer.IssuedAccessTokens);
        Assert.Empty(await bot.StoredConversationsAsync());
    }
}
