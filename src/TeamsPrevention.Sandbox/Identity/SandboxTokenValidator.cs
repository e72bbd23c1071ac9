using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamsPrevention.Sandbox.Identity;

/// <summary>
/// Validates access tokens presented to the sandbox's own APIs (Bot Connector, Graph): signed with the current or
/// published key of the tenant named in <c>tid</c>, issued by that tenant's v2 issuer, for the expected audience,
/// within its lifetime (5 minutes skew, the sandbox's clock).
/// </summary>
public sealed class SandboxTokenValidator(SandboxSigningKeys keys, TimeProvider time)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>The caller, or the reason the token is refused.</summary>
    public async Task<(SandboxCaller? Caller, string? Error)> ValidateAsync(string? token, IReadOnlyCollection<string> audiences)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, "Access token is empty.");
        }

        if (!_handler.CanReadToken(token))
        {
            return (null, "Access token is not a JWT.");
        }

        var tenantId = _handler.ReadJsonWebToken(token).TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        var signingKeys = tenantId is null ? [] : keys.ValidationKeys(tenantId);
        if (signingKeys.Count == 0)
        {
            return (null, "The token's tenant is unknown.");
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidAudiences = audiences,
            IssuerSigningKeys = signingKeys,
            IssuerValidator = (issuer, _, _) => issuer.EndsWith($"/login/{tenantId}/v2.0", StringComparison.OrdinalIgnoreCase)
                ? issuer
                : throw new SecurityTokenInvalidIssuerException("The token's issuer is not its tenant's."),
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            LifetimeValidator = ValidateLifetime,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        if (!result.IsValid)
        {
            return (null, result.Exception?.GetType().Name switch
            {
                nameof(SecurityTokenExpiredException) => "Lifetime validation failed, the token is expired.",
                nameof(SecurityTokenInvalidAudienceException) => "Invalid audience.",
                nameof(SecurityTokenSignatureKeyNotFoundException) or nameof(SecurityTokenInvalidSignatureException) => "Signature validation failed.",
                _ => "Access token validation failure.",
            });
        }

        var identity = result.ClaimsIdentity;
        var appId = Value(identity, "azp") ?? Value(identity, "appid") ?? "";
        return (new SandboxCaller(
            tenantId!,
            appId,
            Value(identity, "oid") ?? "",
            [.. identity.FindAll("roles").Select(c => c.Value)],
            (Value(identity, "scp") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)), null);
    }

    /// <summary>Lifetime on the sandbox's clock (a fake one in tests), with Entra's 5 minutes of skew.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiration time.");
        }

        if (notBefore is { } start && start > now + Skew)
        {
            throw new SecurityTokenNotYetValidException("The token is not yet valid.");
        }

        return expires.Value >= now - Skew ? true : throw new SecurityTokenExpiredException("The token is expired.");
    }

    private static string? Value(ClaimsIdentity identity, string type) => identity.FindFirst(type)?.Value;
}
