using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TeamsPrevention.Tests.Infrastructure;

/// <summary>
/// A stand-in bot at <c>/api/messages</c> on a <see cref="SandboxServer"/>'s host: records what the sandbox's channel
/// posts (headers and activity) and answers with <see cref="Respond"/>. Wire it with <see cref="Attach"/>.
/// </summary>
public sealed class FakeBotEndpoint
{
    public ConcurrentQueue<ReceivedActivity> Received { get; } = new();

    /// <summary>The answer to each activity (default: 200 with no body).</summary>
    public Func<JsonObject, IResult> Respond { get; set; } = _ => Results.Ok();

    /// <summary>Maps the fake bot and points <c>SandboxTenant:BotEndpoint</c> at it.</summary>
    public void Attach(SandboxServerOptions options)
    {
        options.Settings["SandboxTenant:BotEndpoint"] = new Uri(options.RootUrl, "api/messages").ToString();
        options.ConfigureApp = app => app.MapPost("/api/messages", async (HttpRequest request) =>
        {
            var activity = (await request.ReadFromJsonAsync<JsonObject>())!;
            Received.Enqueue(new ReceivedActivity(request.Headers.Authorization.ToString(), activity));
            return Respond(activity);
        });
    }

    public sealed record ReceivedActivity(string Authorization, JsonObject Activity)
    {
        public string Token => Authorization["Bearer ".Length..];
    }
}
