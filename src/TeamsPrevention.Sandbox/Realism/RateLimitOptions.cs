namespace TeamsPrevention.Sandbox.Realism;

/// <summary>
/// Throttling windows as Microsoft documents them (see teams-platform.md). Each value is a list of
/// <c>limit/window</c> pairs (<c>s</c>, <c>m</c>, <c>h</c>), all of which must hold. Bound from
/// <c>SandboxTenant:RateLimits</c>; an empty value disables that limit.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Turns every sandbox rate limit on or off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Bot Connector: send (and reply, update) per bot per thread.</summary>
    public string BotSendPerThread { get; set; } = "7/1s, 8/2s, 60/30s, 1800/1h";

    /// <summary>Bot Connector: create conversation per bot per thread.</summary>
    public string BotCreatePerThread { get; set; } = "7/1s, 8/2s, 60/30s, 1800/1h";

    /// <summary>Bot Connector: get members / conversations per bot per thread.</summary>
    public string BotGetPerThread { get; set; } = "14/1s, 16/2s, 120/30s, 3600/1h";

    /// <summary>Bot Connector: all bots together in one thread (send and create).</summary>
    public string AllBotsPerThread { get; set; } = "14/1s, 16/2s";

    /// <summary>Bot Connector: per app per tenant, all threads together (older revisions: 30).</summary>
    public string BotPerTenant { get; set; } = "50/1s";

    /// <summary>Graph Teams calls per app per tenant.</summary>
    public string GraphPerAppPerTenant { get; set; } = "30/1s";

    /// <summary>Graph: per app on one team or channel.</summary>
    public string GraphPerTeamOrChannel { get; set; } = "4/1s";
}
