using Microsoft.Kiota.Abstractions.Authentication;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Graph;

/// <summary>
/// Application tokens for Graph from <see cref="AppTokenClient"/>, sent only to the configured Graph host
/// (Microsoft's or the sandbox's): a token provider with an empty host list would send none to a local host.
/// </summary>
internal sealed class GraphAccessTokenProvider(AppTokenClient tokens, string scope, Uri graphBaseUrl) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphBaseUrl.Host]);

    public async Task<string> GetAuthorizationTokenAsync(
        Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (!AllowedHostsValidator.IsUrlHostValid(uri))
        {
            return "";
        }

        return await tokens.GetTokenAsync(scope, cancellationToken);
    }
}
