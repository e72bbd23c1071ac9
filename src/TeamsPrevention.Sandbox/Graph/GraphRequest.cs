using System.Text.Json.Nodes;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>One Graph request, from HTTP or from a <c>$batch</c>: what the handlers see.</summary>
/// <param name="Path">Path below <c>/v1.0/</c>, decoded, without a leading slash or query.</param>
/// <param name="Query">Query parameters, decoded (e.g. <c>$filter</c>).</param>
/// <param name="GraphBase">The Graph base URL the request came to (e.g. <c>http://host/sandbox/graph/v1.0/</c>).</param>
public sealed record GraphRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    JsonNode? Body,
    GraphCaller Caller,
    Uri GraphBase);
