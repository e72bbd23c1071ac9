using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Graph;

/// <summary>
/// The one connection to Microsoft Graph every Graph class shares: the SDK client on the typed HttpClient (the SDK's
/// retry handler honours Retry-After), application and on-behalf-of token providers, and the mapping of failures to
/// <see cref="GraphGatewayException"/> with a <see cref="GraphFailure"/> kind; throttling that outlasts the SDK's
/// retries (its AggregateException wrapping a 429) is <see cref="GraphFailure.Throttled"/>: not done, try later.
/// </summary>
public sealed class GraphConnection
{
    public const string HttpClientName = "graph";
    private const string MemberODataType = "#microsoft.graph.aadUserConversationMember";

    // Built on first use: many scopes resolve the Graph classes (every delivery row's) and most never call Graph.
    private readonly Lazy<GraphServiceClient> _client;

    public GraphConnection(
        HttpClient http,
        AppTokenClient tokens,
        IOptions<TenantOptions> tenant,
        IOptions<GraphGatewayOptions> options,
        TimeProvider time,
        ILogger<GraphConnection> logger)
    {
        var graphBase = tenant.Value.GraphBaseUrl ?? throw new InvalidOperationException("Tenant:GraphBaseUrl is not set.");
        BaseUrl = graphBase.ToString().TrimEnd('/');
        var scope = tenant.Value.GraphScope;
        _client = new(() => new GraphServiceClient(http, new BaseBearerTokenAuthenticationProvider(new GraphAccessTokenProvider(tokens, scope, graphBase)), BaseUrl));
        Http = http;
        Tokens = tokens;
        GraphBase = graphBase;
        DelegatedScope = tenant.Value.GraphScope;

        // The SDK writes a batch step's URL as its path minus the first five characters ("/v1.0"): it assumes
        // Graph's layout (host/v1.0/...). Steps are therefore addressed from a root of that shape, whatever the
        // deployment prefix of the base URL (the sandbox's /sandbox/graph/v1.0).
        var version = graphBase.Segments[^1].Trim('/');
        BatchRoot = new Uri($"{graphBase.Scheme}://{graphBase.Authority}/{version}/");
        Options = options.Value;
        Time = time;
        Logger = logger;
    }

    internal GraphServiceClient Client => _client.Value;

    internal HttpClient Http { get; }

    internal AppTokenClient Tokens { get; }

    internal string DelegatedScope { get; }

    internal Uri GraphBase { get; }

    /// <summary>The Graph base URL without its trailing slash (for <c>@odata.bind</c> references).</summary>
    internal string BaseUrl { get; }

    internal Uri BatchRoot { get; }

    internal GraphGatewayOptions Options { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    // ---------------------------------------------------------------- mapping

    internal async Task<T> CallAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (GraphGatewayException)
        {
            throw;
        }
        catch (Exception e) when (Translate(e, operation, cancellationToken) is { } failure)
        {
            GraphLog.CallFailed(Logger, operation, failure.Kind, failure.Status, failure.GraphCode);
            throw failure;
        }
    }

    private static GraphGatewayException? Translate(Exception e, string operation, CancellationToken cancellationToken) => e switch
    {
        ODataError odata => FromStatus(operation, odata.ResponseStatusCode, odata.Error?.Code, odata.Error?.Message, RetryAfter(odata.ResponseHeaders), odata),

        // The SDK's retry handler gives up on a 429 (or 503) with an AggregateException around an ApiException.
        AggregateException aggregate when aggregate.Flatten().InnerExceptions.OfType<ApiException>().LastOrDefault() is { } last =>
            FromStatus(operation, last.ResponseStatusCode, (last as ODataError)?.Error?.Code, null, RetryAfter(last.ResponseHeaders), aggregate),
        ApiException api => FromStatus(operation, api.ResponseStatusCode, null, null, RetryAfter(api.ResponseHeaders), api),
        // The person's token could not be exchanged (expired, not for this app, consent missing): not retryable.
        AppTokenException { Error: "invalid_grant" or "invalid_scope" or "consent_required" or "interaction_required" } token =>
            new GraphGatewayException(GraphFailure.Forbidden, operation, null, token.Error, null, e),
        HttpRequestException or TimeoutException or AppTokenException or IOException =>
            new GraphGatewayException(GraphFailure.Transient, operation, null, null, null, e),
        OperationCanceledException when !cancellationToken.IsCancellationRequested =>
            new GraphGatewayException(GraphFailure.Transient, operation, null, "Timeout", null, e),
        _ => null,
    };

    private static GraphGatewayException FromStatus(string operation, int status, string? code, string? message, TimeSpan? retryAfter, Exception inner) =>
        new(Kind(status, message), operation, status, code, retryAfter, inner);

    internal static GraphFailure Kind(int status, string? message) => status switch
    {
        400 when message is not null && (message.Contains("already existed", StringComparison.OrdinalIgnoreCase)
            || message.Contains("already exists", StringComparison.OrdinalIgnoreCase)) => GraphFailure.NameTaken,
        401 => GraphFailure.Unauthorized,
        403 => GraphFailure.Forbidden,
        404 => GraphFailure.NotFound,
        409 => GraphFailure.Conflict,
        429 => GraphFailure.Throttled,
        408 or >= 500 => GraphFailure.Transient,
        _ => GraphFailure.BadRequest,
    };

    private static TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers)
    {
        var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
    }

    internal AadUserConversationMember NewMember(string userId, bool owner) => new()
    {
        OdataType = MemberODataType,
        Roles = owner ? ["owner"] : [],
        AdditionalData = new Dictionary<string, object> { ["user@odata.bind"] = UserBind(userId) },
    };

    internal JsonObject MemberJson(string userId, bool owner) => new()
    {
        ["@odata.type"] = MemberODataType,
        ["roles"] = owner ? new JsonArray("owner") : [],
        ["user@odata.bind"] = UserBind(userId),
    };

    private string UserBind(string userId) => $"{BaseUrl}/users('{userId}')";

    internal static Membership ToMembership(ConversationMember member) => new(
        member.Id ?? "",
        (member as AadUserConversationMember)?.UserId ?? "",
        member.Roles?.Contains("owner", StringComparer.OrdinalIgnoreCase) == true);


    internal static bool IsOwnerJson(JsonObject member) =>
        (member["roles"] as JsonArray ?? []).Any(r => string.Equals(r?.GetValue<string>(), "owner", StringComparison.OrdinalIgnoreCase));

    internal static string? Str(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    internal static bool SameId(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

}
