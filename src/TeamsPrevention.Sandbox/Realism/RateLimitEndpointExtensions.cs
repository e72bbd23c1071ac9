using Microsoft.Extensions.Options;

namespace TeamsPrevention.Sandbox.Realism;

/// <summary>
/// Attaches the sandbox rate limiter to endpoints: the request is charged to the counters the selector returns and,
/// when one is full, answered with the given 429 result and a <c>Retry-After</c> header (whole seconds).
/// Runs as an endpoint filter, after authentication filters added to an enclosing group.
/// </summary>
public static class RateLimitEndpointExtensions
{
    public static TBuilder RequireSandboxRateLimit<TBuilder>(
        this TBuilder builder,
        Func<EndpointFilterInvocationContext, RateLimitOptions, IEnumerable<RateLimitCharge>> charges,
        Func<RateLimitDecision, IResult> throttled)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var services = context.HttpContext.RequestServices;
            var options = services.GetRequiredService<IOptions<SandboxOptions>>().Value.RateLimits;
            if (!options.Enabled)
            {
                return await next(context);
            }

            var decision = services.GetRequiredService<SandboxRateLimiter>().TryAcquire(charges(context, options));
            if (decision.Allowed)
            {
                return await next(context);
            }

            context.HttpContext.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return throttled(decision);
        });
        return builder;
    }
}
