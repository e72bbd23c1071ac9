using System.Text.Json.Nodes;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>A calendar event, kept as the JSON Graph answers (PATCH merges into it).</summary>
public sealed class SandboxEvent(string id, string ownerKey, JsonObject data)
{
    public string Id { get; } = id;

    /// <summary><c>users/{objectId}</c> or <c>groups/{id}</c>.</summary>
    public string OwnerKey { get; } = ownerKey;

    public JsonObject Data { get; } = data;

    public string? OnlineMeetingId { get; set; }

    public string? CancellationComment { get; set; }
}
