using System.Security.Claims;
using Microsoft.Identity.Web;

namespace TeamsPrevention.App.Tab;

/// <summary>The JSON API of the tab and the Outlook add-in, under <c>/api</c>, for signed-in users only.</summary>
public static class TabEndpoints
{
    public static IHostApplicationBuilder AddTab(this IHostApplicationBuilder builder) => builder.AddTabAuthentication();

    public static IEndpointRouteBuilder MapTab(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(TabAuthentication.UserPolicy);
        api.MapGet("/me", Me);
        return endpoints;
    }

    /// <summary>Who is signed in (proof of sign-in for the tab).</summary>
    private static MeResponse Me(ClaimsPrincipal user) =>
        new(user.GetObjectId() ?? "", user.GetTenantId() ?? "", user.FindFirstValue("name") ?? user.Identity?.Name ?? "");

    public sealed record MeResponse(string ObjectId, string TenantId, string Name);
}
