namespace TeamsPrevention.Sandbox;

/// <summary>How the sandbox tenant behaves. Bound from the <c>SandboxTenant</c> section.</summary>
public sealed class SandboxOptions
{
    public const string Section = "SandboxTenant";

    /// <summary>Route prefix every sandbox endpoint lives under.</summary>
    public const string RoutePrefix = "/sandbox";

    /// <summary>
    /// Where the App's bot endpoint is (<c>.../api/messages</c>): the browser inbox posts the activities Teams would.
    /// </summary>
    public Uri? BotEndpoint { get; set; }
}
