using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsPrevention.Sandbox.Identity;

namespace TeamsPrevention.Sandbox.Inbox;

/// <summary>
/// Posts activities to the bot's endpoint (<see cref="SandboxOptions.BotEndpoint"/>) as the Teams channel does:
/// JSON body, <c>Authorization: Bearer</c> with a Bot Framework token whose <c>serviceUrl</c> is the activity's.
/// </summary>
public sealed class BotChannel(
    IHttpClientFactory httpClients,
    IOptions<SandboxOptions> options,
    BotFrameworkTokenIssuer tokens,
    ILogger<BotChannel> logger)
{
    public const string HttpClientName = "sandbox-bot-channel";

    public bool IsConfigured => options.Value.BotEndpoint is not null;

    public async Task<BotDelivery> PostAsync(JsonObject activity, string botAppId, CancellationToken cancellationToken)
    {
        var type = activity["type"]?.GetValue<string>() ?? "unknown";
        var endpoint = options.Value.BotEndpoint ?? throw new InvalidOperationException("SandboxTenant:BotEndpoint is not set.");
        var serviceUrl = activity["serviceUrl"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(activity) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.CreateToken(botAppId, serviceUrl));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.BotTimeout);
        try
        {
            using var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            JsonNode? body = null;
            if (text.Length > 0)
            {
                try
                {
                    body = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    body = JsonValue.Create(text);
                }
            }

            return new BotDelivery(type, (int)response.StatusCode, body, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            SandboxLog.BotUnreachable(logger, type, "timeout");
            return new BotDelivery(type, 0, null, $"The bot did not answer within {options.Value.BotTimeout.TotalSeconds} s.");
        }
        catch (HttpRequestException exception)
        {
            SandboxLog.BotUnreachable(logger, type, exception.HttpRequestError.ToString());
            return new BotDelivery(type, 0, null, $"The bot endpoint could not be reached ({exception.HttpRequestError}).");
        }
    }
}
