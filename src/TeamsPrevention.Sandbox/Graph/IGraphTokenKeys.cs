using Microsoft.IdentityModel.Tokens;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>
/// Where the Graph subset learns which keys sign the sandbox tenant's tokens and which issuer they carry.
/// Two implementations exist: <see cref="StaticGraphTokenKeys"/> (a fixed key set: tests, and the default until the
/// sandbox identity is wired) and an adapter over the sandbox identity's signing keys.
/// </summary>
public interface IGraphTokenKeys
{
    /// <summary>The keys that may have signed a token of <paramref name="tenantId"/>; empty when the tenant is unknown.</summary>
    ValueTask<IReadOnlyCollection<SecurityKey>> GetSigningKeysAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// The issuers a token of <paramref name="tenantId"/> may carry, given the sandbox base URL the request came to
    /// (e.g. <c>http://127.0.0.1:5080/sandbox/</c>, ending with a slash).
    /// </summary>
    IReadOnlyCollection<string> GetValidIssuers(string tenantId, Uri sandboxBase);
}
