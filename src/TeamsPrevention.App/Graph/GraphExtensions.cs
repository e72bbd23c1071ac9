using Microsoft.Graph;

namespace TeamsPrevention.App.Graph;

public static class GraphExtensions
{
    /// <summary>
    /// The Graph gateway: <see cref="GraphConnection"/> on a typed HttpClient carrying the Graph SDK's default handlers (retry honouring Retry-After,
    /// redirects, telemetry), application tokens from <see cref="Hosting.AppTokenClient"/>, base URL
    /// <see cref="Hosting.TenantOptions.GraphBaseUrl"/> (Microsoft's or the sandbox's).
    /// </summary>
    public static IHostApplicationBuilder AddGraphGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphGatewayOptions>()
            .BindConfiguration(GraphGatewayOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // No standard resilience handler here: the SDK's own retry handler is the one retrying (it reads Retry-After).
        builder.Services.AddHttpClient<GraphConnection>(GraphConnection.HttpClientName)
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
            {
                foreach (var handler in GraphClientFactory.CreateDefaultHandlers())
                {
                    handlers.Add(handler);
                }
            });

        // One class per responsibility over the shared connection; a caller injects the one it needs.
        builder.Services.AddTransient<GraphPeople>();
        builder.Services.AddTransient<GraphChannels>();
        builder.Services.AddTransient<GraphCalendar>();
        builder.Services.AddTransient<GraphOnlineMeetings>();
        builder.Services.AddTransient<GraphInstallation>();
        builder.Services.AddTransient<GraphBatch>();
        return builder;
    }
}
