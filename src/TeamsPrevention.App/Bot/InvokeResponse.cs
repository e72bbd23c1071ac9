using System.Text.Json.Nodes;

namespace TeamsPrevention.App.Bot;

/// <summary>The synchronous answer to an <c>invoke</c>: the HTTP status and body of the <c>/api/messages</c> response.</summary>
internal sealed record InvokeResponse(int Status, JsonNode? Body);
