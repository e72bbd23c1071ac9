namespace TeamsPrevention.Sandbox.Realism;

/// <summary>Puts <see cref="SandboxMiddleware"/> in front of every <c>/sandbox</c> request, before routing.</summary>
internal sealed class SandboxStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(SandboxOptions.RoutePrefix, StringComparison.OrdinalIgnoreCase),
            branch => branch.UseMiddleware<SandboxMiddleware>());
        next(app);
    };
}
