using System.Reflection;

namespace TeamsPrevention.Sandbox.InboxPage;

/// <summary>
/// The browser inbox at the sandbox's home: a page, its script and style, and the official Adaptive Cards renderer,
/// all embedded in this assembly so that the embedded and the standalone sandbox serve the same files.
/// </summary>
public static class InboxPageEndpoints
{
    private const string ResourcePrefix = "InboxPage/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["inbox.js"] = "text/javascript; charset=utf-8",
        ["inbox.css"] = "text/css; charset=utf-8",
        ["adaptivecards.min.js"] = "text/javascript; charset=utf-8",
    };

    public static RouteGroupBuilder MapInboxPage(this RouteGroupBuilder sandbox)
    {
        // The page's relative URLs need the trailing slash: "/sandbox" is sent to "/sandbox/".
        sandbox.MapGet("/", (HttpContext context) => context.Request.Path.Value?.EndsWith('/') == true
                ? Asset("index.html")
                : TypedResults.Redirect($"{context.Request.PathBase}{context.Request.Path}/"))
            .ExcludeFromDescription();
        sandbox.MapGet("/assets/{name}", (string name) => Asset(name)).ExcludeFromDescription();
        return sandbox;
    }

    private static IResult Asset(string name)
    {
        if (!ContentTypes.TryGetValue(name, out var contentType))
        {
            return TypedResults.NotFound();
        }

        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name);
        return stream is null
            ? TypedResults.Problem($"The inbox asset '{name}' was not built into the sandbox.", statusCode: 500)
            : TypedResults.Stream(stream, contentType);
    }
}
