using System.Text.Json.Nodes;

namespace TeamsPrevention.Sandbox.Connector;

/// <summary>An activity in a conversation: the current version and every version it had (updates applied in place).</summary>
/// <param name="Sender"><c>bot</c> or <c>user</c>.</param>
/// <param name="Current">The activity as the persona sees it now (a copy).</param>
/// <param name="Versions">Every version, oldest first; the last is <paramref name="Current"/>.</param>
public sealed record ActivitySnapshot(
    string Id,
    string Sender,
    string? ReplyToId,
    DateTimeOffset Timestamp,
    JsonObject Current,
    IReadOnlyList<JsonObject> Versions);
