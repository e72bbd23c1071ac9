using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Bot;

/// <summary>The bot endpoint and the outbound Bot Connector client. Bound from the <c>Bot</c> section.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>
    /// Accept activities that carry no <c>Authorization</c> header (the Agents Playground sends none). For local use
    /// only: refused at start in Production. A header that is present is always validated.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>The largest activity body accepted on <c>/api/messages</c>, in bytes; larger ones get 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 262144;

    /// <summary>
    /// The service URLs the Teams channel uses (scheme, host, port and path prefix): a conversation reference is stored,
    /// and so may later receive the bot's proactive messages and its token, only from an activity whose
    /// <c>serviceUrl</c> is one of them. Unset: Teams' public service (<c>https://smba.trafficmanager.net/</c>), or the
    /// sandbox's connector when a sandbox is configured (<see cref="BotOptionsSetup"/>). Government clouds add theirs.
    /// </summary>
    public List<Uri> ChannelServiceUrls { get; set; } = [];

    /// <summary>
    /// The tenant's own Bot Connector address, where a personal chat is created (again) for a proactive message when
    /// none is known or the stored one's service no longer answers. Unset: the first of <see cref="ChannelServiceUrls"/>
    /// with Teams' EMEA region (<c>https://smba.trafficmanager.net/emea/</c>), or the sandbox's connector.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>
    /// True when <paramref name="serviceUrl"/> is one of <see cref="ChannelServiceUrls"/> (same scheme, host, port, path
    /// prefix; <c>localhost</c> and <c>127.0.0.1</c> are one host, as the sandbox is reached by either).
    /// </summary>
    public bool IsChannelService(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url)
        && ChannelServiceUrls.Any(trusted =>
            string.Equals(trusted.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
            && (string.Equals(trusted.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase) || (trusted.IsLoopback && url.IsLoopback))
            && trusted.Port == url.Port
            && WithSlash(url.AbsolutePath).StartsWith(WithSlash(trusted.AbsolutePath), StringComparison.OrdinalIgnoreCase));

    private static string WithSlash(string path) => path.EndsWith('/') ? path : path + "/";

    /// <summary>The app's Teams catalog id, to install it for a person through Graph when the bot is not in their roster (default: the bot's client id).</summary>
    public string? TeamsAppId { get; set; }

    /// <summary>Outbound calls to the Bot Connector.</summary>
    [ValidateObjectMembers]
    public ConnectorRetryOptions Connector { get; set; } = new();

    /// <summary>The Teams limits every connector write keeps to (<c>Bot:Pacing</c>).</summary>
    [ValidateObjectMembers]
    public ConnectorPacingOptions Pacing { get; set; } = new();
}
