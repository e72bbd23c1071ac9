using Microsoft.Kiota.Abstractions.Authentication;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Graph;

/// <summary>
/// A signed-in person's Graph token, obtained on their behalf (on-behalf-of) from the token they sent to the App,
/// sent only to the configured Graph host.
/// </summary>
internal sealed class DelegatedAccessTokenProvider(AppTokenClient tokens, string userAssertion, string scope, Uri graphBaseUrl) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphBaseUrl.Host]);

    public async Task<string> GetAuthorizationTokenAsync(
        Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        AllowedHostsValidator.IsUrlHostValid(uri) ? await tokens.GetOnBehalfOfTokenAsync(userAssertion, scope, cancellationToken) : "";
}
