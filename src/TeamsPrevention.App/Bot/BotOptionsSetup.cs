using Microsoft.Extensions.Options;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// Fills the channel's service URLs left unset: the sandbox's connector when a sandbox is configured (embedded or
/// standalone), Teams' public service otherwise; and the tenant's own service address from them.
/// </summary>
internal sealed class BotOptionsSetup(IOptions<SandboxHostingOptions> sandbox, IOptions<AppOptions> app) : IPostConfigureOptions<BotOptions>
{
    public void PostConfigure(string? name, BotOptions options)
    {
        var sandboxBase = TenantOptionsSetup.SandboxBase(sandbox.Value, app.Value);
        if (options.ChannelServiceUrls.Count == 0)
        {
            options.ChannelServiceUrls.Add(sandboxBase is null ? new Uri("https://smba.trafficmanager.net/") : new Uri(sandboxBase, "connector/"));
        }

        options.ServiceUrl ??= sandboxBase is not null ? new Uri(sandboxBase, "connector/")
            : options.ChannelServiceUrls[0].IdnHost == "smba.trafficmanager.net" ? new Uri("https://smba.trafficmanager.net/emea/")
            : options.ChannelServiceUrls[0];
    }
}
