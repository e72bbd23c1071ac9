using System.Globalization;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>
/// Runs one Graph request: finds its handler, applies Graph's throttling (per app per tenant, and per team or
/// channel), then calls the handler. Plain HTTP requests and each request inside a <c>$batch</c> come through here.
/// </summary>
public sealed class GraphDispatcher(GraphRouter router, GraphThrottle throttle)
{
    public GraphResponse Dispatch(GraphRequest request)
    {
        var (handler, values, methodMismatch) = router.Match(request.Method, request.Path);
        if (handler is null)
        {
            return methodMismatch
                ? GraphResponse.Error(405, "Request_BadRequest", $"The HTTP method '{request.Method}' is not allowed for this resource.")
                : GraphResponse.BadRequest($"Resource not found for the segment '{request.Path.Split('/')[0]}'.");
        }

        var resources = new List<string>(2);
        if (values.TryGetValue("teamId", out var team))
        {
            resources.Add(values.TryGetValue("channelId", out var channel)
                ? $"channel:{team}/{channel}".ToLowerInvariant()
                : $"team:{team}".ToLowerInvariant());
        }

        if (throttle.TryAcquire(request.Caller, resources) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            var refused = GraphResponse.Error(429, "TooManyRequests",
                "Too many requests. The app has exceeded the number of requests allowed for this scope; retry after the time given in Retry-After.");
            refused.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
            return refused;
        }

        return handler(request, values);
    }
}
