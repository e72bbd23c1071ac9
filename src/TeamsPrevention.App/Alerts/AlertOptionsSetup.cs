using Microsoft.Extensions.Options;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Alerts;

/// <summary>Fills <c>Alerts:Delivery:ServiceUrl</c> when unset: the sandbox's connector, else Teams' EMEA service URL.</summary>
internal sealed class AlertOptionsSetup(IOptions<SandboxHostingOptions> sandbox, IOptions<AppOptions> app) : IPostConfigureOptions<AlertOptions>
{
    public void PostConfigure(string? name, AlertOptions options)
    {
        var sandboxBase = TenantOptionsSetup.SandboxBase(sandbox.Value, app.Value);
        options.Delivery.ServiceUrl ??= sandboxBase is null ? new Uri("https://smba.trafficmanager.net/emea/") : new Uri(sandboxBase, "connector/");
    }
}
