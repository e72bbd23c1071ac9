namespace TeamsPrevention.App.Bot;

public static class BotEndpoints
{
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder endpoints) => endpoints;
}
