using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Hosting;

/// <summary>
/// Application tokens (OAuth 2.0 client credentials) from the tenant's Entra token endpoint, for Microsoft Graph
/// and the Bot Connector, and on-behalf-of tokens for calls made as a signed-in person. Tokens are cached per scope
/// (and person) until five minutes before they expire.
/// MSAL refuses authorities that are not https, and the sandbox tenant serves plain http on loopback, so this
/// small client speaks the standard grant itself; production and sandbox take this same path.
/// A singleton: the cache lives as long as the App; each request takes a client from the factory.
/// </summary>
public sealed class AppTokenClient(IHttpClientFactory httpClients, IOptions<TenantOptions> tenant, TimeProvider time)
{
    public const string HttpClientName = "entra-token";
    private const int MaxCachedTokens = 10_000;
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
            var token = await RequestAsync(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId,
                ["client_secret"] = options.ClientSecret ?? "",
                ["scope"] = scope,
            }, scope, cancellationToken);
            cached = new CachedToken(token.AccessToken, time.GetUtcNow().AddSeconds(token.ExpiresIn));
            _cache[scope] = cached;
            return cached.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// On-behalf-of: exchanges the token a person's client sent to this App (<paramref name="userAssertion"/>, the tab's
    /// SSO token) for a token to call <paramref name="scope"/> as that person. Cached per person and scope (keyed by a
    /// hash of the assertion, never the token itself) until five minutes before expiry.
    /// </summary>
    public async Task<string> GetOnBehalfOfTokenAsync(string userAssertion, string scope, CancellationToken cancellationToken)
    {
        var key = "obo:" + scope + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userAssertion)));
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.ExpiresAt - RefreshMargin > now)
        {
            return cached.AccessToken;
        }

        if (_cache.Count > MaxCachedTokens)
        {
            foreach (var stale in _cache.Where(c => c.Value.ExpiresAt - RefreshMargin <= now).Select(c => c.Key).ToList())
            {
                _cache.TryRemove(stale, out _);
            }
        }

        var options = tenant.Value;
        var token = await RequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret ?? "",
            ["assertion"] = userAssertion,
            ["scope"] = scope,
            ["requested_token_use"] = "on_behalf_of",
        }, scope, cancellationToken);
        cached = new CachedToken(token.AccessToken, time.GetUtcNow().AddSeconds(token.ExpiresIn));
        _cache[key] = cached;
        return cached.AccessToken;
    }

    private async Task<TokenResponse> RequestAsync(Dictionary<string, string> fields, string scope, CancellationToken cancellationToken)
    {
        var options = tenant.Value;
        var endpoint = new Uri(options.Instance!, $"{options.TenantId}/oauth2/v2.0/token");
        using var form = new FormUrlEncodedContent(fields);
        using var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.PostAsync(endpoint, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The body of a token error names the cause (AADSTS code) and never carries a secret.
            var error = await response.Content.ReadFromJsonAsync<TokenError>(cancellationToken);
            throw new AppTokenException(
                $"The token endpoint refused a token for '{scope}': {(int)response.StatusCode} {error?.Error} {error?.ErrorDescription}".TrimEnd(),
                error?.Error);
        }

        return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new AppTokenException("The token endpoint answered an empty body.", null);
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
/// <param name="Error">The token endpoint's OAuth error code (<c>invalid_grant</c>: the person's consent or token).</param>
public sealed class AppTokenException(string message, string? error) : Exception(message)
{
    public string? Error { get; } = error;
}
