using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Identity;

/// <summary>Signs Entra v2 access tokens for a sandbox tenant, with that tenant's current key.</summary>
public sealed class EntraTokenIssuer(SandboxSigningKeys keys, TimeProvider time, IOptions<SandboxOptions> options)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Lifetime of every token this issuer signs.</summary>
    public TimeSpan Lifetime => options.Value.AccessTokenLifetime;

    /// <summary>An application token (client credentials) for <paramref name="audience"/>, with <c>roles</c> when given.</summary>
    public string CreateAppToken(Uri sandboxBase, SandboxTenant tenant, SandboxAppRegistration app, string audience, IReadOnlyList<string> roles)
    {
        var issuer = SandboxUrls.Issuer(sandboxBase, tenant.TenantId);
        var claims = new Dictionary<string, object>
        {
            ["aio"] = Opaque(),
            ["azp"] = app.ClientId,
            ["azpacr"] = "1",
            ["idp"] = issuer,
            ["idtyp"] = "app",
            ["oid"] = app.ServicePrincipalId,
            ["rh"] = Opaque(),
            ["sub"] = app.ServicePrincipalId,
            ["tid"] = tenant.TenantId,
            ["uti"] = Opaque(),
            ["ver"] = "2.0",
        };
        if (roles.Count > 0)
        {
            claims["roles"] = roles.ToArray();
        }

        return Sign(tenant.TenantId, issuer, audience, claims);
    }

    /// <summary>A delegated token for a persona, as the tab's SSO gets it for the App's API (<c>scp</c>, <c>oid</c>, <c>name</c>...).</summary>
    public string CreatePersonaToken(Uri sandboxBase, SandboxTenant tenant, DemoPersona persona, string audience, string scopes, string clientId)
    {
        var issuer = SandboxUrls.Issuer(sandboxBase, tenant.TenantId);
        var claims = new Dictionary<string, object>
        {
            ["aio"] = Opaque(),
            ["azp"] = clientId,
            ["azpacr"] = "0",
            ["name"] = persona.DisplayName,
            ["oid"] = persona.ObjectId,
            ["preferred_username"] = persona.UserPrincipalName,
            ["rh"] = Opaque(),
            ["scp"] = scopes,
            ["sub"] = PairwiseSubject(persona.ObjectId, audience),
            ["tid"] = tenant.TenantId,
            ["uti"] = Opaque(),
            ["ver"] = "2.0",
        };
        return Sign(tenant.TenantId, issuer, audience, claims);
    }

    private string Sign(string tenantId, string issuer, string audience, Dictionary<string, object> claims)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = claims,
            SigningCredentials = keys.Current(tenantId),
        });
    }

    private static string Opaque() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));

    /// <summary>Entra's <c>sub</c> is pairwise: stable per user and application, different across applications.</summary>
    private static string PairwiseSubject(string objectId, string audience) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($"{objectId}|{audience}")));
}
