using Microsoft.IdentityModel.Tokens;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>
/// A fixed set of signing keys for a set of tenants, with the sandbox's v2 issuer
/// <c>{sandbox}login/{tenant}/v2.0</c>. Tests register one with their own key; the sandbox identity replaces it.
/// </summary>
public sealed class StaticGraphTokenKeys(IReadOnlyCollection<SecurityKey> keys, IReadOnlyCollection<string> tenantIds) : IGraphTokenKeys
{
    public ValueTask<IReadOnlyCollection<SecurityKey>> GetSigningKeysAsync(string tenantId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(tenantIds.Contains(tenantId, StringComparer.OrdinalIgnoreCase) ? keys : []);

    public IReadOnlyCollection<string> GetValidIssuers(string tenantId, Uri sandboxBase) =>
        [new Uri(sandboxBase, $"login/{tenantId}/v2.0").ToString()];
}
