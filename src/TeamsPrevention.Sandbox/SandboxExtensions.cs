using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsPrevention.Sandbox.Connector;
using TeamsPrevention.Sandbox.Graph;
using TeamsPrevention.Sandbox.Identity;
using TeamsPrevention.Sandbox.Inbox;
using TeamsPrevention.Sandbox.InboxPage;
using TeamsPrevention.Sandbox.Realism;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox;

public static class SandboxExtensions
{
    /// <summary>
    /// Registers the sandbox tenant's services (state, identity, Bot Connector, inbox, realism). An embedding host can
    /// fill options in code, e.g. <c>o =&gt; o.BotEndpoint ??= new Uri(publicBase, "api/messages")</c>.
    /// </summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration, Action<SandboxOptions>? configure = null)
    {
        var options = services.AddOptions<SandboxOptions>()
            .Bind(configuration.GetSection(SandboxOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SandboxState>();
        services.TryAddSingleton<SandboxSigningKeys>();
        services.TryAddSingleton<EntraTokenIssuer>();
        services.TryAddSingleton<BotFrameworkTokenIssuer>();
        services.TryAddSingleton<SandboxTokenValidator>();
        services.TryAddSingleton<SandboxRateLimiter>();
        services.TryAddSingleton<FaultInjector>();
        services.TryAddSingleton<TrafficLog>();
        services.TryAddSingleton<BotChannel>();
        services.TryAddSingleton<InboxCardRefresh>();
        services.AddHttpClient(BotChannel.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, SandboxStartupFilter>());

        services.TryAddSingleton<IGraphTokenKeys, IdentityGraphTokenKeys>();
        services.AddSandboxGraph();
        return services;
    }

    /// <summary>Maps every sandbox endpoint under <see cref="SandboxOptions.RoutePrefix"/>.</summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        services.GetRequiredService<SandboxState>().Resetting += () => GraphEndpoints.ResetSandboxGraph(services);

        var sandbox = endpoints.MapGroup(SandboxOptions.RoutePrefix).ExcludeFromDescription();
        sandbox.MapGet("/ping", () => "pong");
        sandbox.MapSandboxAdmin();
        sandbox.MapSandboxIdentity();
        sandbox.MapSandboxConnector();
        sandbox.MapSandboxInbox();
        sandbox.MapSandboxGraph();
        sandbox.MapInboxPage();
        return endpoints;
    }
}
