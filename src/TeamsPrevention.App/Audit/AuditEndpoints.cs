namespace TeamsPrevention.App.Audit;

public static class AuditEndpoints
{
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder endpoints) => endpoints;
}
