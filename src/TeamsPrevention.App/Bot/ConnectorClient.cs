using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// Calls the Bot Connector of a conversation (its <c>serviceUrl</c> comes with each call) with the bot's application
/// token. Throttling (429) waits for <c>Retry-After</c> (seconds or a date), else backs off exponentially with jitter;
/// 412, 502, 503, 504, timeouts and network failures are retried too; attempts are bounded
/// (<see cref="ConnectorRetryOptions"/>). A person who blocked the bot (403 <c>MessageWritesBlocked</c>) is a final
/// outcome, not retried. Failures surface as <see cref="ConnectorException"/>. Every write (send, reply, update, create
/// conversation), each attempt retries included, first waits for the tenant's <see cref="ConnectorPacer"/>, just before
/// the wire, and a 429 tells it; reads (members) are not paced.
/// </summary>
public sealed class ConnectorClient(
    HttpClient http,
    AppTokenClient tokens,
    IOptions<TenantOptions> tenant,
    IOptions<BotOptions> bot,
    ConnectorPacers pacers,
    TimeProvider time,
    ILogger<ConnectorClient> logger)
{
    private static readonly HashSet<HttpStatusCode> Transient =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    /// <summary>
    /// Set for the replies of an anonymous turn (<c>Bot:AllowAnonymous</c>, the Agents Playground): they go to the
    /// caller's loopback service without the bot's connector token, which only the channel's services may receive.
    /// </summary>
    public bool SendsNoToken { get; set; }

    /// <summary>The tenant's pacer: every write of every feature, each attempt retries included, waits for it.</summary>
    private ConnectorPacer Pacer => pacers.For(tenant.Value.TenantId);

    /// <summary>Posts a new activity to a conversation; returns the new activity's id.</summary>
    public Task<string> SendAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(serviceUrl, conversationId, activity, null, cancellationToken);

    /// <summary>
    /// Posts a new activity; <paramref name="holdBack"/>, when given, is awaited before each attempt's turn at the tenant's
    /// limit and again when that turn comes (the caller may hold its write back there: alerts, while answers are handled).
    /// </summary>
    internal Task<string> SendAsync(Uri serviceUrl, string conversationId, Activity activity, Func<CancellationToken, Task>? holdBack, CancellationToken cancellationToken) =>
        WriteAsync("send", conversationId, HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, holdBack, cancellationToken);

    /// <summary>Posts an activity as a reply to another one (threaded in channels); returns the new activity's id.</summary>
    public Task<string> ReplyAsync(Uri serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        activity.ReplyToId = replyToId;
        return WriteAsync(
            "reply", conversationId, HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}", activity, null, cancellationToken);
    }

    /// <summary>Replaces an activity the bot sent (a card updated in place); returns its id.</summary>
    public Task<string> UpdateAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        UpdateAsync(serviceUrl, conversationId, activityId, activity, null, cancellationToken);

    /// <summary>Replaces an activity the bot sent; <paramref name="holdBack"/> as for <c>SendAsync</c>.</summary>
    internal async Task<string> UpdateAsync(
        Uri serviceUrl, string conversationId, string activityId, Activity activity, Func<CancellationToken, Task>? holdBack, CancellationToken cancellationToken)
    {
        activity.Id = activityId;
        var id = await WriteAsync(
            "update", conversationId, HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, holdBack, cancellationToken);
        return string.IsNullOrEmpty(id) ? activityId : id;
    }

    /// <summary>
    /// Creates (or finds) the personal chat between the bot and one person (<paramref name="memberId"/>: the Teams
    /// user id <c>29:…</c>, or the Entra object id); returns the conversation id. Store it: do not call this per message.
    /// </summary>
    public Task<string> CreateConversationAsync(Uri serviceUrl, string memberId, CancellationToken cancellationToken) =>
        CreateConversationAsync(serviceUrl, memberId, null, cancellationToken);

    /// <summary>Creates (or finds) a personal chat; <paramref name="holdBack"/> as for <c>SendAsync</c>.</summary>
    internal Task<string> CreateConversationAsync(Uri serviceUrl, string memberId, Func<CancellationToken, Task>? holdBack, CancellationToken cancellationToken)
    {
        var options = tenant.Value;
        var parameters = new ConversationParameters(
            IsGroup: false,
            Bot: new ChannelAccount { Id = $"28:{options.ClientId}" },
            Members: [new ChannelAccount { Id = memberId }],
            TenantId: options.TenantId,
            ChannelData: new TeamsChannelData { Tenant = new TeamsInfo { Id = options.TenantId } });
        return WriteAsync("create conversation", null, HttpMethod.Post, serviceUrl, "v3/conversations", parameters, holdBack, cancellationToken);
    }

    /// <summary>One page of the members of a conversation (a chat, or a team's general channel for the whole team).</summary>
    public async Task<PagedMembersResult> GetPagedMembersAsync(
        Uri serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add($"pageSize={size}");
        }

        if (continuationToken is not null)
        {
            query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        }

        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        var body = await SendWithRetriesAsync("get members", null, write: false, HttpMethod.Get, Address(serviceUrl, path), null, null, cancellationToken);
        return JsonSerializer.Deserialize<PagedMembersResult>(body, ActivityJson.Options) ?? new PagedMembersResult();
    }

    /// <summary>Sends a body and returns the id the connector answered, or "" when it gave none (a 202 for a split message).</summary>
    private async Task<string> WriteAsync(
        string operation, string? thread, HttpMethod method, Uri serviceUrl, string path, object body, Func<CancellationToken, Task>? holdBack, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ActivityJson.Options);
        var answer = await SendWithRetriesAsync(operation, thread, write: true, method, Address(serviceUrl, path), bytes, holdBack, cancellationToken);
        if (string.IsNullOrWhiteSpace(answer))
        {
            return "";
        }

        try
        {
            return JsonSerializer.Deserialize<ResourceResponse>(answer, ActivityJson.Options)?.Id ?? "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private async Task<string> SendWithRetriesAsync(
        string operation, string? thread, bool write, HttpMethod method, Uri address, byte[]? body, Func<CancellationToken, Task>? holdBack, CancellationToken cancellationToken)
    {
        var retry = bot.Value.Connector;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, address);
            if (!SendsNoToken)
            {
                var token = await tokens.GetTokenAsync(tenant.Value.BotScope, cancellationToken);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            long ticket = 0;
            if (write)
            {
                // As close to the wire as possible: the token and the request are ready.
                if (holdBack is not null)
                {
                    await holdBack(cancellationToken);
                }

                ticket = await Pacer.WaitAsync(thread, cancellationToken, holdBack);
            }

            using var timeout = new CancellationTokenSource(retry.AttemptTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            HttpStatusCode? status = null;
            TimeSpan? retryAfter = null;

            try
            {
                using var response = await http.SendAsync(request, linked.Token);
                var text = await response.Content.ReadAsStringAsync(linked.Token);
                if (response.IsSuccessStatusCode)
                {
                    return text;
                }

                status = response.StatusCode;
                retryAfter = RetryAfter(response);
                if (write && status == HttpStatusCode.TooManyRequests)
                {
                    Pacer.Throttled(thread, retryAfter, ticket);
                }

                if (status == HttpStatusCode.Forbidden && IsBlocked(text))
                {
                    throw Fail(operation, ConnectorFailure.MessageWritesBlocked, status, null);
                }

                if (!Transient.Contains(response.StatusCode))
                {
                    throw Fail(operation, ConnectorFailure.Rejected, status, null);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This attempt timed out: retried like a 504.
            }
            catch (HttpRequestException)
            {
                // Connection refused or reset: retried like a 503.
            }

            var failure = status == HttpStatusCode.TooManyRequests ? ConnectorFailure.Throttled : ConnectorFailure.Unavailable;
            if (attempt >= retry.MaxAttempts || retryAfter > retry.MaxDelay)
            {
                throw Fail(operation, failure, status, retryAfter);
            }

            var delay = retryAfter ?? Backoff(retry, attempt);
            if (status is { } code)
            {
                BotLog.ConnectorRetry(logger, operation, (int)code, attempt, retry.MaxAttempts, delay);
            }
            else
            {
                BotLog.ConnectorTimeoutRetry(logger, operation, attempt, retry.MaxAttempts, delay);
            }

            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private ConnectorException Fail(string operation, ConnectorFailure failure, HttpStatusCode? status, TimeSpan? retryAfter)
    {
        BotLog.ConnectorFailed(logger, operation, failure, (int?)status ?? 0);
        return new ConnectorException(failure, status, retryAfter, $"Bot Connector {operation}: {failure} ({(int?)status})");
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static TimeSpan Backoff(ConnectorRetryOptions retry, int attempt)
    {
        var exponential = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var jittered = exponential * (0.5 + Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(jittered, retry.MaxDelay.TotalMilliseconds));
    }

    /// <summary>403 with <c>subCode: MessageWritesBlocked</c> (or <c>ConversationBlockedByUser</c>): the person will not receive it.</summary>
    private static bool IsBlocked(string body) =>
        body.Contains("MessageWritesBlocked", StringComparison.OrdinalIgnoreCase)
        || body.Contains("ConversationBlockedByUser", StringComparison.OrdinalIgnoreCase);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static Uri Address(Uri serviceUrl, string path)
    {
        var text = serviceUrl.ToString();
        return new Uri(new Uri(text.EndsWith('/') ? text : text + "/"), path);
    }
}
