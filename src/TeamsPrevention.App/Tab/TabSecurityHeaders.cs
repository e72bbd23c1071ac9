using Microsoft.Extensions.Options;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Tab;

/// <summary>
/// Security headers on everything the App serves except the sandbox's own pages and the bot's endpoint: a
/// Content-Security-Policy whose <c>frame-ancestors</c> admit only Teams, Outlook and Microsoft 365 hosts (and the
/// App itself, which hosts the sandbox), no referrer, no MIME sniffing, and no caching of the tab's pages and API
/// (only the front end's content-hashed files are cached, see <see cref="TabEndpoints"/>).
/// </summary>
internal sealed class TabSecurityHeaders(
    RequestDelegate next, IOptions<TabOptions> options, IOptions<SandboxHostingOptions> sandbox, IOptions<AppOptions> app)
{
    private readonly string _policy = string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        // Fluent UI (Griffel) inserts its style rules at run time.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        // A sandbox tenant running on its own (tests, several instances) is where the browser signs personas in.
        "connect-src 'self'" + (TenantOptionsSetup.SandboxBase(sandbox.Value, app.Value) is { } s ? " " + s.GetLeftPart(UriPartial.Authority) : ""),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self' " + string.Join(' ', options.Value.FrameAncestors));

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/sandbox") && !path.StartsWithSegments("/api/messages"))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // The shell, its configuration and every API answer: never kept by a browser or a proxy. The hashed files
            // under /assets/ are made cacheable where they are served (TabEndpoints), only when they exist.
            headers.CacheControl = "no-store";
        }

        return next(context);
    }
}
