using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamsPrevention.Sandbox.Identity;

/// <summary>
/// Signs the tokens the sandbox's channel puts on the calls it makes to the bot, as the Bot Framework does:
/// iss <c>https://api.botframework.com</c>, aud = the bot's app id, <c>serviceUrl</c> = the activity's serviceUrl,
/// valid one hour, RS256 with the Bot Framework key (kid set; published at <c>{S}botframework/v1/.well-known/keys</c>).
/// </summary>
public sealed class BotFrameworkTokenIssuer(SandboxSigningKeys keys, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string CreateToken(string botAppId, string serviceUrl)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SandboxAudiences.BotFrameworkIssuer,
            Audience = botAppId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl, ["serviceUrl"] = serviceUrl },
            SigningCredentials = keys.Current(SandboxSigningKeys.BotFramework),
        });
    }
}
