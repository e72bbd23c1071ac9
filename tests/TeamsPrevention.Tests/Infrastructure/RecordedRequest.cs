using System.Text.Json.Nodes;

namespace TeamsPrevention.Tests.Infrastructure;

/// <summary>One request a test server received: method, path (decoded), Authorization header, body, arrival time.</summary>
public sealed record RecordedRequest(string Method, string Path, string Authorization, string Body, DateTimeOffset At)
{
    public JsonNode? Json => string.IsNullOrWhiteSpace(Body) ? null : JsonNode.Parse(Body);
}
