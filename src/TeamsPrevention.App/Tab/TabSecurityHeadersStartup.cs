namespace TeamsPrevention.App.Tab;

/// <summary>
/// Puts <see cref="TabSecurityHeaders"/> first in the pipeline, ahead of the authentication and authorization that
/// the host adds on its own: a 401 or 403 from <c>/api</c> gets the same headers (no-store, CSP) as any other answer.
/// </summary>
internal sealed class TabSecurityHeadersStartup : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<TabSecurityHeaders>();
        next(app);
    };
}
