using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace TeamsPrevention.Tests.Infrastructure;

/// <summary>
/// A Bot Connector over real HTTP (Kestrel on a free loopback port) that records every request and answers like the
/// service: <c>POST v3/conversations/{id}/activities[/{replyToId}]</c> → <c>{"id":"activity-N"}</c>,
/// <c>PUT …/activities/{id}</c> → <c>{"id":id}</c>, <c>POST v3/conversations</c> → <c>{"id":"a:conversation-N"}</c>,
/// <c>GET …/pagedmembers</c> → one member. Scripted answers (<see cref="Enqueue"/>) are served first, in order.
/// Use <see cref="ServiceUrl"/> as the activities' <c>serviceUrl</c>.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<ScriptedAnswer> _script = new();
    private int _counter;

    private RecordingConnector(WebApplication app) => _app = app;

    /// <summary>The connector's service URL (<c>http://127.0.0.1:PORT/connector</c>, no trailing slash, as Teams gives it).</summary>
    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<RecordingConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new RecordingConnector(app);
        app.Map("/connector/{**path}", connector.AnswerAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First().TrimEnd('/') + "/connector";
        return connector;
    }

    /// <summary>The next request gets this answer instead of the normal one.</summary>
    public void Enqueue(int status, string? body = null, string? retryAfter = null, TimeSpan? delay = null) =>
        _script.Enqueue(new ScriptedAnswer(status, body, retryAfter, delay));

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var path = "/" + (string?)context.GetRouteValue("path");
        _requests.Enqueue(new RecordedRequest(request.Method, path, request.Headers.Authorization.ToString(), body, DateTimeOffset.UtcNow));

        if (_script.TryDequeue(out var scripted))
        {
            if (scripted.Delay is { } delay)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            context.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            }

            if (scripted.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(scripted.Body);
            }

            return;
        }

        var n = Interlocked.Increment(ref _counter);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        JsonObject answer = (request.Method, segments) switch
        {
            ("GET", [.., "pagedmembers"]) => new JsonObject
            {
                ["members"] = new JsonArray(new JsonObject { ["id"] = "29:member-1", ["aadObjectId"] = "member-1-oid", ["userRole"] = "user" }),
            },
            ("PUT", [.., "activities", var id]) => new JsonObject { ["id"] = id },
            ("POST", ["v3", "conversations"]) => new JsonObject { ["id"] = $"a:conversation-{n}" },
            _ => new JsonObject { ["id"] = $"activity-{n}" },
        };
        await context.Response.WriteAsJsonAsync(answer);
    }

    private sealed record ScriptedAnswer(int Status, string? Body, string? RetryAfter, TimeSpan? Delay);
}
