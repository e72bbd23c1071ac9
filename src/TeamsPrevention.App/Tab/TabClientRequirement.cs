using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Tab;

/// <summary>
/// What every token on the App's API must be, whatever the endpoint: a person's delegated token that granted the
/// <see cref="TabAuthentication.Scope"/> scope, issued to a known client — the Teams, Outlook and Microsoft 365 hosts
/// (<see cref="TabOptions.AllowedClientIds"/>) or the App's own registration (the Outlook add-in's nested app
/// authentication). Added to every authorization policy by <see cref="TabApiPolicyProvider"/>, so an endpoint cannot
/// forget it; a token that fails it is refused 403 and audited like any refusal.
/// </summary>
public sealed class TabClientRequirement : IAuthorizationRequirement;

internal sealed class TabClientHandler(IOptions<TabOptions> tab, IOptions<TenantOptions> tenant) : AuthorizationHandler<TabClientRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TabClientRequirement requirement)
    {
        if (Allows(context.User, tab.Value, tenant.Value))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>The token's scopes include the API's, and its client (<c>azp</c>, v1 <c>appid</c>) is known.</summary>
    internal static bool Allows(ClaimsPrincipal user, TabOptions tab, TenantOptions tenant)
    {
        var scopes = (user.FindFirst("scp") ?? user.FindFirst("http://schemas.microsoft.com/identity/claims/scope"))?.Value ?? "";
        if (!scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(TabAuthentication.Scope, StringComparer.Ordinal))
        {
            return false;
        }

        var client = user.FindFirst("azp")?.Value ?? user.FindFirst("appid")?.Value;
        return client is not null
            && (string.Equals(client, tenant.ClientId, StringComparison.OrdinalIgnoreCase)
                || tab.AllowedClientIds.Contains(client, StringComparer.OrdinalIgnoreCase));
    }
}
