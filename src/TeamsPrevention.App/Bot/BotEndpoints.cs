using System.Buffers;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Bot;

public static class BotEndpoints
{
    /// <summary>The one route Teams (or the sandbox, or the Agents Playground) posts activities to.</summary>
    public const string Route = "/api/messages";

    /// <summary>The Bot Connector protocol: options, inbound authentication, connector client and its per-tenant pacers, conversation references, the messenger, routing.</summary>
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidation>();
        services.AddSingleton<IPostConfigureOptions<BotOptions>, BotOptionsSetup>();
        services.AddHttpClient(BotAuthenticator.HttpClientName).AddStandardResilienceHandler();
        services.AddSingleton<BotAuthenticator>();
        // No resilience handler here: the client retries itself, honouring Retry-After (see ConnectorClient).
        services.AddHttpClient<ConnectorClient>();
        services.AddSingleton<ConnectorPacers>();
        services.AddSingleton<BotWriteGate>();
        services.AddScoped<ConversationReferences>();
        services.AddScoped<BotMessenger>();
        services.AddScoped<BotTurnRouter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, HandleAsync).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// Size cap (413), then the token (401), then the activity's shape (400), then the activity against the token
    /// (401); only then is anything stored or sent. Messages get an empty 200; invokes get their invoke response.
    /// </summary>
    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        BotAuthenticator authenticator,
        BotTurnRouter router,
        IOptions<BotOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BotEndpoints));
        var maxBytes = options.Value.MaxActivityBytes;
        var body = request.ContentLength > maxBytes ? null : await ReadCappedAsync(request.Body, request.ContentLength, maxBytes, cancellationToken);
        if (body is null)
        {
            BotLog.TooLarge(logger, maxBytes);
            return TypedResults.Problem(title: "Activity too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var headers = request.Headers.Authorization;
        var caller = await authenticator.AuthenticateAsync(headers.Count == 0 ? null : headers.Count == 1 ? headers[0] ?? "" : "", cancellationToken);
        if (caller.Failure is { } failure)
        {
            return Unauthorized(request, logger, failure);
        }

        if (caller.IsAnonymous && !FromThisMachine(request.HttpContext.Connection.RemoteIpAddress))
        {
            return Unauthorized(request, logger, AuthFailure.AnonymousFromRemoteAddress);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ActivityJson.Options);
        }
        catch (JsonException)
        {
            BotLog.BadActivity(logger, "malformed JSON");
            return TypedResults.Problem(title: "Malformed activity.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type) || string.IsNullOrWhiteSpace(activity.Conversation?.Id)
            || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            BotLog.BadActivity(logger, "type, conversation or serviceUrl missing");
            return TypedResults.Problem(title: "Incomplete activity.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (authenticator.Authorize(caller, activity) is { } refused)
        {
            return Unauthorized(request, logger, refused);
        }

        if (caller.IsAnonymous)
        {
            BotLog.AnonymousAccepted(logger);
        }

        var response = await router.RouteAsync(activity, signedByChannel: !caller.IsAnonymous, cancellationToken);
        return response switch
        {
            null => TypedResults.Ok(),
            { Body: null } => TypedResults.StatusCode(response.Status),
            _ => TypedResults.Json(response.Body, ActivityJson.Options, statusCode: response.Status),
        };
    }

    /// <summary>
    /// A loopback peer, or none (the in-process test server, a Unix socket): anonymous mode is for the Agents Playground
    /// on this machine, never for a caller who reaches the App's port from elsewhere (<c>--urls http://0.0.0.0:…</c>).
    /// </summary>
    private static bool FromThisMachine(IPAddress? remote) =>
        remote is null || IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    private static ProblemHttpResult Unauthorized(HttpRequest request, ILogger logger, AuthFailure failure)
    {
        BotLog.Unauthenticated(logger, failure);
        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(title: "Unauthorized.", statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>
    /// The body, or null when it is longer than <paramref name="maxBytes"/> (whatever Content-Length said). A body that
    /// states a length of at most 64 KB (an activity is a few KB) is read into one array of that size; the rest through a
    /// pooled chunk, so a stated length alone (before the token is checked) never reserves more than 64 KB.
    /// </summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, long? contentLength, int maxBytes, CancellationToken cancellationToken)
    {
        const int ExactReadLimit = 64 * 1024;
        if (contentLength is { } length and <= ExactReadLimit)
        {
            var exact = new byte[length];
            var filled = await body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken);
            // Shorter than announced: Kestrel fails the request itself. Longer is impossible: it stops at Content-Length.
            return filled == exact.Length ? exact : exact[..filled];
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
