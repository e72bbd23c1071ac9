using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using TeamsPrevention.App.Graph;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Tab;

/// <summary>
/// The tab: its JSON API under <c>/api</c> for signed-in users only, its configuration for the front end, and the
/// built front end itself (<c>src/TeamsPrevention.Web</c>, copied beside the App's assembly by the build) with its
/// security headers.
/// </summary>
public static class TabEndpoints
{
    public static IHostApplicationBuilder AddTab(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TabOptions>().BindConfiguration(TabOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TabOptions>, TabOptionsValidation>();
        builder.Services.AddSingleton<TabLinks>();
        builder.Services.AddTransient<IStartupFilter, TabSecurityHeadersStartup>();
        return builder.AddTabAuthentication();
    }

    public static WebApplication MapTab(this WebApplication app)
    {
        var site = SiteFiles(app.Services.GetRequiredService<IOptions<TabOptions>>().Value);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = site, OnPrepareResponse = CacheHashedAssets });

        app.MapGet("/tab-config.json", Configuration).AllowAnonymous().ExcludeFromDescription();
        var api = app.MapGroup("/api").RequireAuthorization(TabAuthentication.UserPolicy);
        api.MapGet("/me", Me);
        api.MapGet("/me/calendar/busy", MyBusyTimesAsync);

        // The single-page app lives at '/': its routes are after '#', so any other unknown path stays a 404.
        app.MapGet("/", () => Shell(site)).AllowAnonymous().ExcludeFromDescription();
        MapOldLinks(app);
        return app;
    }

    /// <summary>
    /// The links cards carried before the tab's hash routes (<c>/tab/alerts/{id}</c>, …), still in people's chats:
    /// each answers a redirect to its page's web address. Nothing else under <c>/tab/</c> exists.
    /// </summary>
    private static void MapOldLinks(WebApplication app)
    {
        var old = app.MapGroup("/tab").AllowAnonymous().ExcludeFromDescription();
        old.MapGet("/alerts/new", (TabLinks links) => TypedResults.Redirect(links.NewAlert().Outside));
        old.MapGet("/alerts/{id:guid}", (Guid id, TabLinks links) => TypedResults.Redirect(links.Alert(id).Outside));
        // The route's regex is case-insensitive and lets a final newline through: the code is checked again, exactly.
        old.MapGet("/situations/{code:regex(^[A-Z0-9-]{{1,16}}$)}", Results<RedirectHttpResult, NotFound> (string code, TabLinks links) =>
            TabLinks.IsSituationCode(code) ? TypedResults.Redirect(links.Situation(code).Outside) : TypedResults.NotFound());
        old.MapGet("/meetings/{id:guid}", (Guid id, TabLinks links) => TypedResults.Redirect(links.Meeting(id).Outside));
    }

    /// <summary>
    /// Vite names every file under <c>/assets/</c> by its content's hash, so a new build never reuses a name: a browser
    /// may keep them for a year without asking again. They are the front end's code and French texts, nothing about
    /// any person. Everything else (index.html, tab-config.json, the API) stays <c>no-store</c> (TabSecurityHeaders).
    /// </summary>
    internal const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    private static void CacheHashedAssets(StaticFileResponseContext context)
    {
        if (context.Context.Request.Path.StartsWithSegments("/assets"))
        {
            context.Context.Response.Headers.CacheControl = ImmutableCacheControl;
        }
    }

    internal static IFileProvider SiteFiles(TabOptions options)
    {
        var root = string.IsNullOrWhiteSpace(options.SiteRoot) ? Path.Combine(AppContext.BaseDirectory, "tab") : options.SiteRoot;
        System.IO.Directory.CreateDirectory(root);
        return new PhysicalFileProvider(Path.GetFullPath(root));
    }

    private static IResult Shell(IFileProvider site)
    {
        var index = site.GetFileInfo("index.html");
        return index.Exists
            ? Results.Stream(index.CreateReadStream(), "text/html; charset=utf-8")
            : Results.Problem(
                title: "Interface non construite",
                detail: "Le site de l'onglet n'a pas été construit : lancez « dotnet build » (il exécute npm ci et vite build dans src/TeamsPrevention.Web).",
                statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static TabConfiguration Configuration(
        IOptions<TenantOptions> tenant, IOptions<TabOptions> tab, IOptions<SandboxHostingOptions> sandbox, IOptions<AppOptions> appOptions, TabLinks links)
    {
        var sandboxBase = TenantOptionsSetup.SandboxBase(sandbox.Value, appOptions.Value);
        var t = tenant.Value;
        return new TabConfiguration(
            t.ClientId,
            t.TenantId,
            $"api://{appOptions.Value.PublicBaseUrl.Authority}/{t.ClientId}/{TabAuthentication.Scope}",
            (int)Math.Ceiling(tab.Value.IdleTimeout.TotalMinutes),
            sandboxBase is null
                ? null
                : new TabSandbox(
                    new Uri(sandboxBase, "inbox/personas"),
                    new Uri(sandboxBase, $"login/{t.TenantId}/personas/").ToString() + "{objectId}/token",
                    sandboxBase),
            links.TeamsAppId);
    }

    /// <summary>The longest window <c>/api/me/calendar/busy</c> answers for.</summary>
    internal static readonly TimeSpan MaxCalendarWindow = TimeSpan.FromDays(62);

    /// <summary>
    /// When the signed-in person's own Outlook calendar is taken (times and free/busy only), read from Graph as that
    /// person (on-behalf-of the token the tab sent): the scheduling page shows it beside the meeting being planned.
    /// </summary>
    private static async Task<IResult> MyBusyTimesAsync(
        DateTimeOffset? from, DateTimeOffset? to, HttpRequest request, GraphCalendar graph, CancellationToken cancellationToken)
    {
        if (from is null || to is null || to <= from || to - from > MaxCalendarWindow)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["to"] = ["Indiquez une période (from, to) de 62 jours au plus, la fin après le début."],
            });
        }

        var assertion = request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : "";
        try
        {
            return TypedResults.Ok(await graph.GetMyBusyTimesAsync(assertion, from.Value, to.Value, cancellationToken));
        }
        catch (GraphGatewayException e) when (e.Kind is GraphFailure.Forbidden or GraphFailure.Unauthorized)
        {
            return TypedResults.Problem(
                title: "Calendrier non autorisé",
                detail: "L'application n'a pas votre consentement pour lire votre calendrier : demandez à l'administrateur d'accorder Calendars.Read.",
                statusCode: StatusCodes.Status403Forbidden);
        }
        catch (GraphGatewayException e) when (e.IsRetryable)
        {
            return TypedResults.Problem(title: "Calendrier indisponible", detail: "Outlook ne répond pas pour le moment : réessayez dans un instant.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Who is signed in (proof of sign-in for the tab).</summary>
    private static MeResponse Me(ClaimsPrincipal user) =>
        new(user.GetObjectId() ?? "", user.GetTenantId() ?? "", user.FindFirstValue("name") ?? user.Identity?.Name ?? "");

    public sealed record MeResponse(string ObjectId, string TenantId, string Name);
}
