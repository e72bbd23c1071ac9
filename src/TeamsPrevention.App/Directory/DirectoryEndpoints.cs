namespace TeamsPrevention.App.Directory;

public static class DirectoryEndpoints
{
    public static IHostApplicationBuilder AddDirectory(this IHostApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder endpoints) => endpoints;
}
