using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Hosting;

/// <summary>
/// Application tokens (OAuth 2.0 client credentials) from the tenant's Entra token endpoint, for Microsoft Graph
/// and the Bot Connector. Tokens are cached per scope until five minutes before they expire.
/// MSAL refuses authorities that are not https, and the sandbox tenant serves plain http on loopback, so this
/// small client speaks the standard grant itself; production and sandbox take this same path.
/// A singleton: the cache lives as long as the App; each request takes a client from the factory.
/// </summary>
public sealed class AppTokenClient(IHttpClientFactory httpClients, IOptions<TenantOptions> tenant, TimeProvider time)
{
    public const string HttpClientName = "entra-token";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, CachedToken> _cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>A bearer token for <paramref name="scope"/> (e.g. <c>https://graph.microsoft.com/.default</c>).</summary>
    public async Task<string> GetTokenAsync(string scope, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(scope, out var cached) && cached.ExpiresAt - RefreshMargin > time.GetUtcNow())
        {
            return cached.AccessToken;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(scope, out cached) && cached.ExpiresAt - RefreshMargin > time.GetUtcNow())
            {
                return cached.AccessToken;
            }

            var options = tenant.Value;
            var endpoint = new Uri(options.Instance!, $"{options.TenantId}/oauth2/v2.0/token");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId,
                ["client_secret"] = options.ClientSecret ?? "",
                ["scope"] = scope,
            });
            using var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.PostAsync(endpoint, form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // The body of a token error names the cause (AADSTS code) and never carries a secret.
                var error = await response.Content.ReadFromJsonAsync<TokenError>(cancellationToken);
                throw new AppTokenException(
                    $"The token endpoint refused a token for '{scope}': {(int)response.StatusCode} {error?.Error} {error?.ErrorDescription}".TrimEnd());
            }

            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new AppTokenException("The token endpoint answered an empty body.");
            cached = new CachedToken(token.AccessToken, time.GetUtcNow().AddSeconds(token.ExpiresIn));
            _cache[scope] = cached;
            return cached.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset ExpiresAt);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record TokenError(
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}

/// <summary>No token could be obtained: the call that needed it is not done and may be tried later.</summary>
public sealed class AppTokenException(string message) : Exception(message);
