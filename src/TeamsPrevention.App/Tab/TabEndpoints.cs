namespace TeamsPrevention.App.Tab;

public static class TabEndpoints
{
    public static IHostApplicationBuilder AddTab(this IHostApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapTab(this IEndpointRouteBuilder endpoints) => endpoints;
}
