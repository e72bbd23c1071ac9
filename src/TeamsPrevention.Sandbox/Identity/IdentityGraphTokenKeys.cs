using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.Sandbox.Graph;

namespace TeamsPrevention.Sandbox.Identity;

/// <summary>The Graph subset accepts the tokens the sandbox identity issues: its tenant keys and its v2 issuer.</summary>
public sealed class IdentityGraphTokenKeys(SandboxSigningKeys keys) : IGraphTokenKeys
{
    public ValueTask<IReadOnlyCollection<SecurityKey>> GetSigningKeysAsync(string tenantId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyCollection<SecurityKey>>(
            string.Equals(tenantId, SandboxSigningKeys.BotFramework, StringComparison.OrdinalIgnoreCase)
                ? []
                : keys.ValidationKeys(tenantId));

    public IReadOnlyCollection<string> GetValidIssuers(string tenantId, Uri sandboxBase) =>
        [SandboxUrls.Issuer(sandboxBase, tenantId)];
}
