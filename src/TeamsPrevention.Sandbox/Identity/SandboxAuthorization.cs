namespace TeamsPrevention.Sandbox.Identity;

/// <summary>
/// Protects sandbox endpoints with sandbox-issued bearer tokens. Add to a route group before any rate-limit filter;
/// handlers read the caller with <see cref="GetSandboxCaller"/>. The caller's tenant and app go to the traffic log.
/// </summary>
public static class SandboxAuthorization
{
    private const string CallerKey = "sandbox.caller";

    /// <param name="audiences">Accepted <c>aud</c> values (e.g. <see cref="SandboxAudiences.BotFramework"/>).</param>
    /// <param name="unauthorized">The 401 answer in the API's own error shape, given the reason.</param>
    public static TBuilder RequireSandboxToken<TBuilder>(this TBuilder builder, IReadOnlyCollection<string> audiences, Func<string, IResult> unauthorized)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var header = http.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
            var validator = http.RequestServices.GetRequiredService<SandboxTokenValidator>();
            var (caller, error) = await validator.ValidateAsync(token, audiences);
            if (caller is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return unauthorized(error ?? "Unauthorized.");
            }

            http.Items[CallerKey] = caller;
            Realism.SandboxRequestItems.SetTrafficIdentity(http, caller.TenantId, caller.AppId);
            return await next(context);
        });
        return builder;
    }

    /// <summary>The validated caller of this request (set by <see cref="RequireSandboxToken{TBuilder}"/>).</summary>
    public static SandboxCaller GetSandboxCaller(this HttpContext context) =>
        context.Items[CallerKey] as SandboxCaller ?? throw new InvalidOperationException("The endpoint is not protected by RequireSandboxToken.");
}
