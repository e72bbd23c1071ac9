using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>
/// The sandbox's Microsoft Graph v1.0 subset, served at <c>{sandbox}/graph/v1.0/...</c>, and its admin endpoints at
/// <c>{sandbox}/graph-admin/...</c>.
/// </summary>
public static class GraphEndpoints
{
    public const string GraphPrefix = "/graph/v1.0";

    public static IServiceCollection AddSandboxGraph(this IServiceCollection services)
    {
        services.AddOptions<SandboxGraphOptions>().BindConfiguration(SandboxGraphOptions.Section);
        services.TryAddSingleton(TimeProvider.System);

        // Until the sandbox identity supplies its signing keys, a key nobody holds: every token is refused.
        services.TryAddSingleton<IGraphTokenKeys>(new StaticGraphTokenKeys([new RsaSecurityKey(RSA.Create(2048))], [DemoTenant.TenantId]));
        services.AddSingleton<GraphTokenValidator>();
        services.AddSingleton<GraphStore>();
        services.AddSingleton<GraphThrottle>();
        services.AddSingleton<GraphUsersApi>();
        services.AddSingleton<GraphTeamsApi>();
        services.AddSingleton<GraphCalendarApi>();
        services.AddSingleton<GraphCalendarView>();
        services.AddSingleton(sp =>
        {
            var router = new GraphRouter();
            sp.GetRequiredService<GraphUsersApi>().Map(router);
            sp.GetRequiredService<GraphTeamsApi>().Map(router);
            sp.GetRequiredService<GraphCalendarApi>().Map(router);
            sp.GetRequiredService<GraphCalendarView>().Map(router);
            return router;
        });
        services.AddSingleton<GraphDispatcher>();
        services.AddSingleton<GraphBatch>();
        return services;
    }

    /// <summary>Maps Graph under <paramref name="sandboxGroup"/> (the <c>/sandbox</c> route group).</summary>
    public static RouteGroupBuilder MapSandboxGraph(this RouteGroupBuilder sandboxGroup)
    {
        sandboxGroup.MapMethods(GraphPrefix + "/{**path}", ["GET", "POST", "PATCH", "PUT", "DELETE"], HandleAsync)
            .ExcludeFromDescription();

        // Lets a test (or the inbox) play a person answering a meeting invitation in Outlook.
        sandboxGroup.MapPost("/graph-admin/events/{eventId}/attendees/{attendee}/response",
            (string eventId, string attendee, AttendeeResponseRequest body, GraphCalendarApi calendar) =>
                calendar.SetAttendeeResponse(eventId, attendee, body.Response)
                    ? Results.NoContent()
                    : Results.Problem(statusCode: 404, title: "Unknown event, attendee or response"))
            .ExcludeFromDescription();
        return sandboxGroup;
    }

    /// <summary>Restores the demo tenant's Graph state and forgets throttling windows (for <c>POST /sandbox/reset</c>).</summary>
    public static void ResetSandboxGraph(IServiceProvider services)
    {
        services.GetRequiredService<GraphStore>().Reset();
        services.GetRequiredService<GraphThrottle>().Reset();
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var time = services.GetRequiredService<TimeProvider>();
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = context.Request.Headers["client-request-id"].FirstOrDefault();

        var fullPath = (context.Request.PathBase + context.Request.Path).Value ?? "";
        var prefixAt = fullPath.IndexOf(GraphPrefix + "/", StringComparison.OrdinalIgnoreCase);
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        var sandboxBase = new Uri(origin + fullPath[..prefixAt] + "/");
        var graphBase = new Uri(sandboxBase, GraphPrefix.TrimStart('/') + "/");
        var path = fullPath[(prefixAt + GraphPrefix.Length + 1)..].TrimEnd('/');

        GraphResponse response;
        var validator = services.GetRequiredService<GraphTokenValidator>();
        var (caller, failure) = await validator.ValidateAsync(context.Request.Headers.Authorization.FirstOrDefault(), sandboxBase, context.RequestAborted);
        if (caller is null)
        {
            response = GraphResponse.Error(401, "InvalidAuthenticationToken", failure!);
            response.Headers["WWW-Authenticate"] = "Bearer realm=\"\", authorization_uri=\"" + new Uri(sandboxBase, "login/common/oauth2/authorize") + "\", client_id=\"00000003-0000-0000-c000-000000000000\"";
        }
        else
        {
            var (body, invalid) = await ReadBodyAsync(context.Request, context.RequestAborted);
            if (invalid)
            {
                response = GraphResponse.BadRequest("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
            }
            else
            {
                var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                var request = new GraphRequest(context.Request.Method.ToUpperInvariant(), path, query, body, caller, graphBase);
                response = path == "$batch" && request.Method == "POST"
                    ? services.GetRequiredService<GraphBatch>().Execute(request, requestId, time.GetUtcNow())
                    : services.GetRequiredService<GraphDispatcher>().Dispatch(request);
            }
        }

        response.CompleteError(requestId, clientRequestId, time.GetUtcNow());
        context.Response.StatusCode = response.Status;
        context.Response.Headers["request-id"] = requestId;
        context.Response.Headers["client-request-id"] = clientRequestId ?? requestId;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(response.Body.ToJsonString(), context.RequestAborted);
        }
    }

    private static async Task<(JsonNode? Body, bool Invalid)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, false);
        }

        try
        {
            return (JsonNode.Parse(text), false);
        }
        catch (JsonException)
        {
            return (null, true);
        }
    }
}

/// <summary>The body of the admin endpoint setting an attendee's response (<c>accepted</c>, <c>declined</c>, …).</summary>
public sealed record AttendeeResponseRequest(string Response);
