using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Hosting;

/// <summary>Tells the person who ran the App where to open it, once Kestrel listens.</summary>
internal sealed class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    IOptions<SandboxHostingOptions> sandbox,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                HostingLog.Listening(logger, address);
                if (sandbox.Value.Embedded)
                {
                    HostingLog.SandboxInbox(logger, $"{address.TrimEnd('/')}/", $"{address.TrimEnd('/')}/sandbox/");
                }
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
