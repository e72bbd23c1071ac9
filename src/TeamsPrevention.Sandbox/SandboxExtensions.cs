using TeamsPrevention.Sandbox.Graph;
using TeamsPrevention.Sandbox.InboxPage;

namespace TeamsPrevention.Sandbox;

public static class SandboxExtensions
{
    /// <summary>Registers the sandbox tenant's services (identity, Graph, Bot Connector, realism, demo data).</summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.Section));
        services.AddSandboxGraph();
        return services;
    }

    /// <summary>Maps every sandbox endpoint under <see cref="SandboxOptions.RoutePrefix"/>.</summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder endpoints)
    {
        var sandbox = endpoints.MapGroup(SandboxOptions.RoutePrefix);
        sandbox.MapGet("/ping", () => "pong").ExcludeFromDescription();
        sandbox.MapInboxPage();
        sandbox.MapSandboxGraph();
        return endpoints;
    }
}
