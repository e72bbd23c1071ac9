namespace TeamsPrevention.App.Graph;

public static class GraphExtensions
{
    public static IHostApplicationBuilder AddGraphGateway(this IHostApplicationBuilder builder) => builder;

}
