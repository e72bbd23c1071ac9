using System.Net;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Bot;

/// <summary>The bot's options, checked at start.</summary>
public sealed class BotOptionsTests
{
    [Fact]
    public void RefusesToStartInProductionWithAnonymousMode()
    {
        using var app = new AppFactory(ProductionSettings(allowAnonymous: true), "Production");

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Bot:AllowAnonymous is refused in Production", failure.ToString());
    }

    [Fact]
    public async Task StartsInProductionWithoutAnonymousMode()
    {
        using var app = new AppFactory(ProductionSettings(allowAnonymous: false), "Production");

        using var response = await app.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AcceptsAnonymousModeInDevelopment()
    {
        using var app = new AppFactory(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" });

        using var response = await app.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Bot:MaxActivityBytes", "0", "MaxActivityBytes")]
    [InlineData("Bot:Connector:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Bot:Connector:AttemptTimeout", "00:00:00", "AttemptTimeout")]
    public void RefusesToStartWithSettingOutOfRange(string key, string value, string named)
    {
        using var app = new AppFactory(new Dictionary<string, string?> { [key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(named, failure.ToString());
    }

    private static Dictionary<string, string?> ProductionSettings(bool allowAnonymous) => new()
    {
        ["Tenant:TenantId"] = Guid.NewGuid().ToString(),
        ["Tenant:ClientId"] = Guid.NewGuid().ToString(),
        ["Tenant:ClientSecret"] = "a-secret",
        ["Tenant:Instance"] = "https://login.microsoftonline.com/",
        ["Tenant:GraphBaseUrl"] = "https://graph.microsoft.com/v1.0",
        ["Tenant:BotOpenIdMetadataUrl"] = "https://login.botframework.com/v1/.well-known/openidconfiguration",
        ["Bot:AllowAnonymous"] = allowAnonymous ? "true" : "false",
        ["Situations:IdentityKey"] = Convert.ToBase64String(new byte[32]),
        ["Tab:TeamsAppId"] = Guid.NewGuid().ToString(),
        ["Audit:ChainKeys:0:Id"] = "2026a",
        ["Audit:ChainKeys:0:Key"] = Convert.ToBase64String(new byte[32]),
    };
}
