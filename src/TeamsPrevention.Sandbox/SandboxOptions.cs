using System.ComponentModel.DataAnnotations;
using TeamsPrevention.Sandbox.Realism;

namespace TeamsPrevention.Sandbox;

/// <summary>How the sandbox tenant behaves. Bound from the <c>SandboxTenant</c> section and validated on start.</summary>
public sealed class SandboxOptions
{
    public const string Section = "SandboxTenant";

    /// <summary>Route prefix every sandbox endpoint lives under.</summary>
    public const string RoutePrefix = "/sandbox";

    /// <summary>
    /// Where the App's bot endpoint is (<c>.../api/messages</c>): the browser inbox posts the activities Teams would.
    /// An embedding host may fill it in code (see <see cref="SandboxExtensions.AddSandbox"/>).
    /// </summary>
    public Uri? BotEndpoint { get; set; }

    /// <summary>
    /// The sandbox's own public address (<c>http://host:port/sandbox/</c>) used in issuers, <c>serviceUrl</c> and
    /// discovery documents. Unset: taken from each request (scheme, host, path base).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long the sandbox waits for the bot to answer an activity, as Teams does (about 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan BotTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Lifetime of the access tokens the token endpoint issues (Entra: 60–90 minutes).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Install the bot for every persona at seed time (as an admin setup policy would).</summary>
    public bool PreinstallBot { get; set; } = true;

    /// <summary>How many requests the traffic log keeps (oldest dropped first).</summary>
    [Range(1, 1_000_000)]
    public int TrafficCapacity { get; set; } = 10_000;

    /// <summary>Longest request body kept per traffic entry, in characters.</summary>
    [Range(0, 10_000_000)]
    public int TrafficBodyLimit { get; set; } = 64 * 1024;

    /// <summary>The documented throttling windows, each a list like <c>"7/1s, 8/2s, 60/30s, 1800/1h"</c>.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();
}
