using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Graph;

namespace TeamsPrevention.App.Graph;

/// <summary>
/// Graph JSON batches: many requests in one call, throttled steps sent again after their Retry-After.
/// </summary>
public sealed class GraphBatch(GraphConnection graph)
{
    private readonly GraphConnection _graph = graph;
    internal const int MaxBatchSize = 20;

    // ---------------------------------------------------------------- batch

    /// <summary>
    /// Sends the steps as Graph JSON batches of at most 20 (dependsOn must stay within a group of 20). A step Graph
    /// throttled (429) is sent again after its Retry-After, up to <see cref="GraphGatewayOptions.ThrottledBatchRetries"/>
    /// times, together with the steps that failed only because they depended on it.
    /// </summary>
    public async Task<IReadOnlyList<GraphBatchOutcome>> BatchAsync(IReadOnlyList<GraphBatchStep> steps, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<string, GraphBatchOutcome>(StringComparer.Ordinal);
        foreach (var chunk in steps.Chunk(MaxBatchSize))
        {
            var ids = chunk.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            if (chunk.SelectMany(s => s.DependsOn ?? []).FirstOrDefault(d => !ids.Contains(d)) is { } outside)
            {
                throw new ArgumentException($"Batch step dependency '{outside}' is not in the same group of {MaxBatchSize}.", nameof(steps));
            }

            var pending = chunk.ToList();
            for (var attempt = 1; pending.Count > 0; attempt++)
            {
                var sent = await SendBatchAsync(pending, cancellationToken);
                foreach (var outcome in sent)
                {
                    outcomes[outcome.Id] = outcome;
                }

                var throttled = sent.Where(o => o.Status == 429).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
                GraphLog.BatchSent(_graph.Logger, pending.Count, sent.Count(o => !o.Succeeded), throttled.Count, attempt);
                if (throttled.Count == 0 || attempt > _graph.Options.ThrottledBatchRetries)
                {
                    break;
                }

                // Steps that only failed because a throttled step they depend on did not run go again too.
                var again = new HashSet<string>(throttled, StringComparer.Ordinal);
                bool grew;
                do
                {
                    grew = false;
                    foreach (var step in pending.Where(s => !again.Contains(s.Id) && outcomes[s.Id].Status == 424 && (s.DependsOn ?? []).Any(again.Contains)))
                    {
                        grew |= again.Add(step.Id);
                    }
                }
                while (grew);

                var wait = sent.Where(o => throttled.Contains(o.Id)).Select(o => o.RetryAfter ?? TimeSpan.FromSeconds(1)).Max();
                await Task.Delay(wait, _graph.Time, cancellationToken);
                pending = [.. pending.Where(s => again.Contains(s.Id)).Select(s => s with { DependsOn = [.. (s.DependsOn ?? []).Where(again.Contains)] })];
            }
        }

        return [.. steps.Select(s => outcomes[s.Id])];
    }

    private Task<List<GraphBatchOutcome>> SendBatchAsync(IReadOnlyList<GraphBatchStep> steps, CancellationToken cancellationToken) =>
        _graph.CallAsync("batch", async () =>
        {
            var requestSteps = steps.Select(step =>
            {
                var message = new HttpRequestMessage(step.Method, new Uri(_graph.BatchRoot, step.RelativeUrl.TrimStart('/')));
                if (step.Body is not null)
                {
                    message.Content = new StringContent(step.Body.ToJsonString(), Encoding.UTF8, "application/json");
                }

                return new BatchRequestStep(step.Id, message, step.DependsOn is { Count: > 0 } d ? [.. d] : null);
            }).ToArray();
            var content = new BatchRequestContentCollection(_graph.Client, MaxBatchSize);
            foreach (var requestStep in requestSteps)
            {
                content.AddBatchRequestStep(requestStep);
            }

            var response = await _graph.Client.Batch.PostAsync(content, cancellationToken);
            var result = new List<GraphBatchOutcome>();
            foreach (var step in steps)
            {
                using var answer = await response.GetResponseByIdAsync(step.Id);
                if (answer is null)
                {
                    result.Add(new GraphBatchOutcome(step.Id, 0, null, GraphFailure.Transient, "NoResponse", null));
                    continue;
                }

                var text = answer.Content is null ? "" : await answer.Content.ReadAsStringAsync(cancellationToken);
                JsonNode? body = null;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    try
                    {
                        body = JsonNode.Parse(text);
                    }
                    catch (JsonException)
                    {
                        body = null;
                    }
                }

                var status = (int)answer.StatusCode;
                var retryAfter = answer.Headers.RetryAfter?.Delta;
                var code = GraphConnection.Str(body?["error"], "code");
                var failure = status is >= 200 and < 300 ? (GraphFailure?)null : status == 424 ? GraphFailure.BadRequest : GraphConnection.Kind(status, GraphConnection.Str(body?["error"], "message"));
                result.Add(new GraphBatchOutcome(step.Id, status, body, failure, code, retryAfter));
            }

            return result;
        }, cancellationToken);

}
