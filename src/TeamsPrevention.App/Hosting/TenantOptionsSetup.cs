using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Hosting;

/// <summary>
/// Fills the tenant endpoints left unset: the sandbox's when one is configured (embedded or standalone),
/// Microsoft's otherwise. Production refuses sandbox endpoints (see <see cref="ProductionSafety"/>).
/// </summary>
internal sealed class TenantOptionsSetup(IOptions<SandboxHostingOptions> sandbox, IOptions<AppOptions> app)
    : IPostConfigureOptions<TenantOptions>
{
    public void PostConfigure(string? name, TenantOptions options)
    {
        var sandboxBase = SandboxBase(sandbox.Value, app.Value);
        if (sandboxBase is not null)
        {
            options.Instance ??= new Uri(sandboxBase, "login/");
            options.GraphBaseUrl ??= new Uri(sandboxBase, "graph/v1.0");
            options.BotOpenIdMetadataUrl ??= new Uri(sandboxBase, "botframework/v1/.well-known/openidconfiguration");
            return;
        }

        options.Instance ??= new Uri("https://login.microsoftonline.com/");
        options.GraphBaseUrl ??= new Uri("https://graph.microsoft.com/v1.0");
        options.BotOpenIdMetadataUrl ??= new Uri("https://login.botframework.com/v1/.well-known/openidconfiguration");
    }

    /// <summary>The sandbox's base URL, ending with a slash, or null when the App talks to Microsoft.</summary>
    internal static Uri? SandboxBase(SandboxHostingOptions sandbox, AppOptions app)
    {
        if (sandbox.Embedded)
        {
            return new Uri(app.PublicBaseUrl, "sandbox/");
        }

        if (sandbox.BaseUrl is null)
        {
            return null;
        }

        var text = sandbox.BaseUrl.ToString();
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }
}
