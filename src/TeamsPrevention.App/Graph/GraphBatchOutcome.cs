using System.Text.Json.Nodes;

namespace TeamsPrevention.App.Graph;

/// <summary>What one step of a batch answered: its status, its body, and on failure the kind and Graph's code.</summary>
public sealed record GraphBatchOutcome(string Id, int Status, JsonNode? Body, GraphFailure? Failure, string? GraphCode, TimeSpan? RetryAfter)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
