using Microsoft.AspNetCore.Routing.Template;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>
/// The Graph subset's route table. One table serves both plain HTTP requests and the requests inside a
/// <c>$batch</c>, so each batched request takes exactly the path (and the throttling) it would take alone.
/// </summary>
public sealed class GraphRouter
{
    private readonly List<Route> _routes = [];

    public void Map(string method, string template, Func<GraphRequest, RouteValueDictionary, GraphResponse> handler) =>
        _routes.Add(new Route(method, new TemplateMatcher(TemplateParser.Parse(template), []), handler));

    /// <summary>The handler for a request and its route values; <c>MethodMismatch</c> when only the path matched.</summary>
    public (Func<GraphRequest, RouteValueDictionary, GraphResponse>? Handler, RouteValueDictionary Values, bool MethodMismatch) Match(
        string method, string path)
    {
        var methodMismatch = false;
        foreach (var route in _routes)
        {
            var values = new RouteValueDictionary();
            if (!route.Matcher.TryMatch("/" + path, values))
            {
                continue;
            }

            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return (route.Handler, values, false);
            }

            methodMismatch = true;
        }

        return (null, [], methodMismatch);
    }

    private sealed record Route(string Method, TemplateMatcher Matcher, Func<GraphRequest, RouteValueDictionary, GraphResponse> Handler);
}
