using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>
/// JSON batching (<c>POST /$batch</c>): at most <see cref="SandboxGraphOptions.MaxBatchRequests"/> requests with
/// relative URLs, each dispatched (and throttled) on its own with its own status; a request whose dependency
/// (<c>dependsOn</c>) failed answers 424 Failed Dependency.
/// </summary>
public sealed class GraphBatch(GraphDispatcher dispatcher, IOptions<SandboxGraphOptions> options)
{
    public GraphResponse Execute(GraphRequest envelope, string requestId, DateTimeOffset now)
    {
        if (envelope.Body?["requests"] is not JsonArray requests)
        {
            return GraphResponse.BadRequest("A batch request body must have a 'requests' array.");
        }

        var max = options.Value.MaxBatchRequests;
        if (requests.Count > max)
        {
            return GraphResponse.BadRequest($"The number of requests in the batch ({requests.Count}) exceeds the maximum of {max}.");
        }

        var steps = new List<Step>();
        foreach (var node in requests)
        {
            var id = GraphJson.String(node, "id");
            var method = GraphJson.String(node, "method");
            var url = GraphJson.String(node, "url");
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(method) || string.IsNullOrWhiteSpace(url))
            {
                return GraphResponse.BadRequest("Each batch request needs an id, a method and a url.");
            }

            if (steps.Any(s => s.Id == id))
            {
                return GraphResponse.BadRequest($"Batch request ids must be unique: '{id}' appears twice.");
            }

            var dependsOn = (node!["dependsOn"] as JsonArray ?? []).Select(d => d?.GetValue<string>() ?? "").ToList();
            steps.Add(new Step(id, method.ToUpperInvariant(), url, node["body"]?.DeepClone(), dependsOn));
        }

        foreach (var step in steps)
        {
            if (step.DependsOn.FirstOrDefault(d => steps.All(s => s.Id != d)) is { } missing)
            {
                return GraphResponse.BadRequest($"Request '{step.Id}' depends on '{missing}', which is not in the batch.");
            }
        }

        var results = new Dictionary<string, GraphResponse>(StringComparer.Ordinal);
        while (results.Count < steps.Count)
        {
            var ready = steps.Where(s => !results.ContainsKey(s.Id) && s.DependsOn.All(results.ContainsKey)).ToList();
            if (ready.Count == 0)
            {
                return GraphResponse.BadRequest("The dependsOn chain of the batch contains a cycle.");
            }

            foreach (var step in ready)
            {
                results[step.Id] = step.DependsOn.Any(d => !results[d].IsSuccess)
                    ? GraphResponse.Error(424, "FailedDependency", "The request depends on a request that failed.")
                    : Run(envelope, step);
            }
        }

        var responses = new JsonArray();
        foreach (var step in steps)
        {
            var response = results[step.Id];
            response.CompleteError(requestId, null, now);
            var headers = new JsonObject();
            foreach (var (name, value) in response.Headers)
            {
                headers[name] = value;
            }

            if (response.Body is not null)
            {
                headers["Content-Type"] = "application/json";
            }

            var item = new JsonObject { ["id"] = step.Id, ["status"] = response.Status, ["headers"] = headers };
            if (response.Body is not null)
            {
                item["body"] = response.Body.DeepClone();
            }

            responses.Add(item);
        }

        return GraphResponse.Ok(new JsonObject { ["responses"] = responses });
    }

    private GraphResponse Run(GraphRequest envelope, Step step)
    {
        if (Uri.TryCreate(step.Url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return GraphResponse.BadRequest("Batch request urls must be relative to the version (e.g. '/users').");
        }

        var url = step.Url.TrimStart('/');
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? url : url[..question];
        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (question >= 0)
        {
            // The SDK sends step urls already unescaped: values are taken as they are.
            foreach (var pair in url[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                query[equals < 0 ? pair : pair[..equals]] = equals < 0 ? "" : pair[(equals + 1)..];
            }
        }

        if (path == "$batch")
        {
            return GraphResponse.BadRequest("A batch cannot contain a batch.");
        }

        return dispatcher.Dispatch(envelope with { Method = step.Method, Path = path.TrimEnd('/'), Query = query, Body = step.Body });
    }

    private sealed record Step(string Id, string Method, string Url, JsonNode? Body, List<string> DependsOn);
}
