namespace TeamsPrevention.Sandbox.Realism;

/// <summary>What endpoints tell the traffic log about a request (the caller's tenant and app), via <see cref="HttpContext.Items"/>.</summary>
public static class SandboxRequestItems
{
    private const string TenantKey = "sandbox.traffic.tenant";
    private const string AppKey = "sandbox.traffic.app";

    public static void SetTrafficIdentity(this HttpContext context, string? tenantId, string? appId)
    {
        if (tenantId is not null)
        {
            context.Items[TenantKey] = tenantId;
        }

        if (appId is not null)
        {
            context.Items[AppKey] = appId;
        }
    }

    internal static (string? TenantId, string? AppId) GetTrafficIdentity(this HttpContext context) =>
        (context.Items[TenantKey] as string, context.Items[AppKey] as string);
}
