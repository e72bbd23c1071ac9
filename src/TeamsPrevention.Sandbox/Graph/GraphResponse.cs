using System.Text.Json.Nodes;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>What a Graph handler answers: status, headers and a JSON body (or none).</summary>
public sealed class GraphResponse(int status, JsonNode? body = null)
{
    public int Status { get; } = status;

    public JsonNode? Body { get; } = body;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsSuccess => Status is >= 200 and < 300;

    public static GraphResponse Ok(JsonNode body) => new(200, body);

    public static GraphResponse Created(JsonNode body) => new(201, body);

    public static GraphResponse NoContent() => new(204);

    /// <summary>202 with no body: an operation Graph runs after answering (archive, unarchive).</summary>
    public static GraphResponse Accepted() => new(202);

    /// <summary>
    /// Graph's error body. <c>innerError</c> (date, request-id, client-request-id) is filled in when the response is
    /// written, once the request id is known.
    /// </summary>
    public static GraphResponse Error(int status, string code, string message) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    public static GraphResponse BadRequest(string message) => Error(400, "BadRequest", message);

    public static GraphResponse NotFound(string message) => Error(404, "NotFound", message);

    /// <summary>A collection (<c>{"@odata.context":…,"value":[…]}</c>).</summary>
    public static GraphResponse Collection(GraphRequest request, string context, IEnumerable<JsonNode> items) =>
        Ok(new JsonObject
        {
            ["@odata.context"] = new Uri(request.GraphBase, "$metadata#" + context).ToString(),
            ["value"] = new JsonArray([.. items]),
        });

    /// <summary>Fills <c>innerError</c> of an error body.</summary>
    public void CompleteError(string requestId, string? clientRequestId, DateTimeOffset now)
    {
        if (Body is JsonObject root && root["error"] is JsonObject error && error["innerError"] is null)
        {
            error["innerError"] = new JsonObject
            {
                ["date"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                ["request-id"] = requestId,
                ["client-request-id"] = clientRequestId ?? requestId,
            };
        }
    }
}
