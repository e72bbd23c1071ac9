namespace TeamsPrevention.Sandbox.Graph;

/// <summary>Who calls Graph, from the validated token: the tenant, the app (appid/azp) and whether it acts for itself.</summary>
/// <param name="UserId">The signed-in person (<c>oid</c>) of a delegated token; null for app-only tokens.</param>
public sealed record GraphCaller(string TenantId, string AppId, bool IsAppOnly, string? UserId = null)
{
    /// <summary>The key Graph throttles on: one app in one tenant.</summary>
    public string ThrottleKey => $"{TenantId}/{AppId}";
}
