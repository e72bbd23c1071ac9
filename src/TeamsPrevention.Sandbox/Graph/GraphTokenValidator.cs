using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>
/// Checks the bearer token of a Graph request as Graph does: signed by the sandbox tenant's keys, issued by that
/// tenant, for the audience <c>https://graph.microsoft.com</c>, within its lifetime (five minutes of clock skew).
/// Keys and issuers come from <see cref="IGraphTokenKeys"/>, so the sandbox identity can supply them.
/// </summary>
public sealed class GraphTokenValidator(IGraphTokenKeys keys, TimeProvider time)
{
    public const string Audience = "https://graph.microsoft.com";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>The caller, or the reason Graph would give for refusing the token.</summary>
    public async Task<(GraphCaller? Caller, string? Failure)> ValidateAsync(
        string? authorization, Uri sandboxBase, CancellationToken cancellationToken)
    {
        const string Prefix = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Access token is empty.");
        }

        var raw = authorization[Prefix.Length..].Trim();
        if (!_handler.CanReadToken(raw))
        {
            return (null, "Invalid JWT token. The token is not in JWS format.");
        }

        var signingKeys = await keys.GetSigningKeysAsync(DemoTenant.TenantId, cancellationToken);
        var parameters = new TokenValidationParameters
        {
            ValidAudience = Audience,
            ValidIssuers = keys.GetValidIssuers(DemoTenant.TenantId, sandboxBase),
            IssuerSigningKeys = signingKeys,
            ValidateLifetime = false, // checked below against the sandbox's TimeProvider
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
        var result = await _handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid)
        {
            return (null, result.Exception switch
            {
                SecurityTokenInvalidAudienceException => "Access token validation failure. Invalid audience.",
                SecurityTokenInvalidIssuerException => "Access token validation failure. Invalid issuer.",
                _ => "Access token validation failure.",
            });
        }

        var token = (JsonWebToken)result.SecurityToken;
        var now = time.GetUtcNow().UtcDateTime;
        if (token.ValidTo == DateTime.MinValue || token.ValidTo + ClockSkew < now)
        {
            return (null, "Lifetime validation failed, the token is expired.");
        }

        if (token.ValidFrom != DateTime.MinValue && token.ValidFrom - ClockSkew > now)
        {
            return (null, "Lifetime validation failed, the token is not yet valid.");
        }

        var tenant = Claim(token, "tid");
        if (!string.Equals(tenant, DemoTenant.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Access token validation failure. Invalid tenant.");
        }

        var app = Claim(token, "appid") ?? Claim(token, "azp") ?? "unknown";
        var isAppOnly = Claim(token, "scp") is null;
        return (new GraphCaller(tenant!, app, isAppOnly, isAppOnly ? null : Claim(token, "oid")), null);
    }

    private static string? Claim(JsonWebToken token, string type) =>
        token.TryGetPayloadValue<string>(type, out var value) ? value : null;
}
