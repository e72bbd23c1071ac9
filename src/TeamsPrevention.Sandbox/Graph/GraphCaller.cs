namespace TeamsPrevention.Sandbox.Graph;

/// <summary>Who calls Graph, from the validated token: the tenant, the app (appid/azp) and whether it acts for itself.</summary>
public sealed record GraphCaller(string TenantId, string AppId, bool IsAppOnly)
{
    /// <summary>The key Graph throttles on: one app in one tenant.</summary>
    public string ThrottleKey => $"{TenantId}/{AppId}";
}
