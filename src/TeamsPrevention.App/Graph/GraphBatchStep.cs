using System.Text.Json.Nodes;

namespace TeamsPrevention.App.Graph;

/// <summary>
/// One request of a Graph batch: <paramref name="RelativeUrl"/> is relative to the Graph version root
/// (e.g. <c>teams/{id}/channels/{id}/members</c>); <paramref name="DependsOn"/> names steps of the same batch.
/// </summary>
public sealed record GraphBatchStep(string Id, HttpMethod Method, string RelativeUrl, JsonNode? Body = null, IReadOnlyList<string>? DependsOn = null);
