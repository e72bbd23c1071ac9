using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Tab;

/// <summary>
/// Every authorization policy of the App — the directory's roles, the tab's user policy, the default and any policy
/// a feature adds later — also requires <see cref="TabClientRequirement"/>: the one rule for the whole API lives here,
/// not in each endpoint.
/// </summary>
internal sealed class TabApiPolicyProvider(IOptions<AuthorizationOptions> options) : IAuthorizationPolicyProvider
{
    private readonly DefaultAuthorizationPolicyProvider _inner = new(options);
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> _policies = new(StringComparer.Ordinal);
    private AuthorizationPolicy? _default;
    private AuthorizationPolicy? _fallback;

    public async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (_policies.TryGetValue(policyName, out var known))
        {
            return known;
        }

        var policy = await _inner.GetPolicyAsync(policyName);
        return policy is null ? null : _policies.GetOrAdd(policyName, WithClient(policy));
    }

    public async Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _default ??= WithClient(await _inner.GetDefaultPolicyAsync());

    /// <summary>None unless configured: anonymous routes (the tab's shell, health, the sandbox) stay anonymous.</summary>
    public async Task<AuthorizationPolicy?> GetFallbackPolicyAsync() =>
        _fallback ??= await _inner.GetFallbackPolicyAsync() is { } fallback ? WithClient(fallback) : null;

    private static AuthorizationPolicy WithClient(AuthorizationPolicy policy) =>
        policy.Requirements.OfType<TabClientRequirement>().Any()
            ? policy
            : new AuthorizationPolicyBuilder(policy).AddRequirements(new TabClientRequirement()).Build();
}
