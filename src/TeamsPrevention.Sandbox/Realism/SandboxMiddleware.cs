using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.Sandbox.Realism;

/// <summary>
/// In front of every <c>/sandbox</c> request: records it in the <see cref="TrafficLog"/> and applies the
/// <see cref="FaultInjector"/> rules (latency, error status, timeout, dropped connection). Admin and inbox paths are
/// logged but never faulted. Installed by <see cref="SandboxExtensions.AddSandbox"/> through a startup filter, so it
/// runs before routing in the sandbox's own host and in an embedding App.
/// </summary>
internal sealed class SandboxMiddleware(
    RequestDelegate next,
    TrafficLog traffic,
    FaultInjector faults,
    IOptions<SandboxOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SandboxMiddleware> logger)
{
    private static readonly string[] NeverFaulted = ["traffic", "faults", "reset", "keys", "inbox", "ping"];
    private static readonly string[] SecretFields = ["client_secret", "password", "client_assertion", "assertion", "refresh_token", "code"];

    public async Task InvokeAsync(HttpContext context)
    {
        var relative = context.Request.Path.Value?[SandboxOptions.RoutePrefix.Length..].TrimStart('/') ?? "";
        var firstSegment = relative.Split('/', 2)[0];
        var logged = !string.Equals(firstSegment, "traffic", StringComparison.OrdinalIgnoreCase);
        var sequence = traffic.NextSequence();
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var body = logged ? await ReadBodyAsync(context.Request, context.RequestAborted) : null;
        string? fault = null;

        try
        {
            var decision = NeverFaulted.Contains(firstSegment, StringComparer.OrdinalIgnoreCase)
                ? null
                : faults.Decide(context.Request.Method, relative);
            if (decision is not null)
            {
                fault = await ApplyAsync(context, decision, relative);
                if (fault is not null)
                {
                    return;
                }
            }

            await next(context);
        }
        finally
        {
            if (logged)
            {
                var (tenantId, appId) = context.GetTrafficIdentity();
                var aborted = context.RequestAborted.IsCancellationRequested || fault is "timeout" or "drop";
                traffic.Add(new TrafficEntry(
                    sequence,
                    started,
                    context.Request.Method,
                    context.Request.Path.Value + context.Request.QueryString.Value,
                    body,
                    aborted ? 0 : context.Response.StatusCode,
                    clock.Elapsed.TotalMilliseconds,
                    tenantId,
                    appId,
                    fault));
            }
        }
    }

    /// <summary>Applies latency and, when it fires, the fault; returns the fault's name, or null to go on.</summary>
    private async Task<string?> ApplyAsync(HttpContext context, FaultDecision decision, string relative)
    {
        var rule = decision.Rule;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            // At least the rule's latency: a timer may fire up to a millisecond before its due time as a stopwatch sees it.
            var latency = TimeSpan.FromMilliseconds(rule.LatencyMs);
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < latency)
            {
                await Task.Delay((int)Math.Ceiling((latency - waited.Elapsed).TotalMilliseconds), stopping.Token);
            }

            if (!decision.Fires)
            {
                return null;
            }

            SandboxLog.FaultInjected(logger, rule.Fault, context.Request.Method, rule.Path);
            switch (rule.Fault)
            {
                case "timeout":
                    await Task.Delay(Timeout.Infinite, stopping.Token);
                    return "timeout";
                case "drop":
                    context.Abort();
                    return "drop";
                default:
                    await WriteStatusAsync(context, rule, relative, stopping.Token);
                    return $"status:{rule.Status}";
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up (or the host is stopping): as a hung server would, close without an answer.
            context.Abort();
            return decision.Fires ? rule.Fault : "cancelled";
        }
    }

    private static async Task WriteStatusAsync(HttpContext context, FaultRule rule, string relative, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = rule.Status;
        if (rule.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }
        else if (rule.Status == StatusCodes.Status429TooManyRequests)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        // Graph and the Bot Connector both answer {"error":{"code","message"}}; the token endpoint answers OAuth errors.
        object payload = relative.StartsWith("login/", StringComparison.OrdinalIgnoreCase)
            ? new { error = rule.Status == 429 ? "temporarily_unavailable" : "server_error", error_description = $"AADSTS90033: injected fault {rule.Status}." }
            : new { error = new { code = CodeFor(rule.Status), message = $"Injected fault {rule.Status}." } };
        await context.Response.WriteAsJsonAsync(payload, cancellationToken);
    }

    private static string CodeFor(int status) => status switch
    {
        429 => "TooManyRequests",
        500 => "InternalServerError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "Fault",
    };

    private async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return null;
        }

        request.EnableBuffering();
        var limit = options.Value.TrafficBodyLimit;
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[Math.Min(limit + 1, 1 << 20)];
        var builder = new StringBuilder();
        int read;
        while (builder.Length <= limit && (read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            builder.Append(buffer, 0, read);
        }

        request.Body.Position = 0;
        var text = builder.Length > limit ? builder.ToString(0, limit) + "…" : builder.ToString();
        return request.HasFormContentType ? Redact(text) : text;
    }

    private static string Redact(string form) =>
        string.Join('&', form.Split('&').Select(pair =>
        {
            var name = Uri.UnescapeDataString(pair.Split('=', 2)[0]);
            return SecretFields.Contains(name, StringComparer.OrdinalIgnoreCase) ? $"{pair.Split('=', 2)[0]}=***" : pair;
        }));
}
