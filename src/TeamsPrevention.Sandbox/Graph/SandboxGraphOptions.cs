namespace TeamsPrevention.Sandbox.Graph;

/// <summary>
/// How the sandbox's Graph subset behaves: Microsoft's documented limits by default, each one configurable so that
/// tests can turn it up or down. Bound from <c>SandboxTenant:Graph</c>.
/// </summary>
public sealed class SandboxGraphOptions
{
    public const string Section = SandboxOptions.Section + ":Graph";

    /// <summary>Graph requests per app per tenant in <see cref="ThrottleWindow"/> (Teams calls: 30 per second).</summary>
    public int AppRequestsPerWindow { get; set; } = 30;

    /// <summary>Requests per app on one team or one channel in <see cref="ThrottleWindow"/> (4 per second).</summary>
    public int TeamRequestsPerWindow { get; set; } = 4;

    /// <summary>The sliding window both limits count in.</summary>
    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a shared channel's <c>teamsAsyncOperation</c> takes to succeed.</summary>
    public TimeSpan SharedChannelProvisioningDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Channels per team, deleted ones included.</summary>
    public int MaxChannelsPerTeam { get; set; } = 1000;

    /// <summary>Private channels per team, deleted ones included (30 before 2025, 1,000 since: check the tenant).</summary>
    public int MaxPrivateChannelsPerTeam { get; set; } = 1000;

    /// <summary>Shared channels per team, deleted ones included.</summary>
    public int MaxSharedChannelsPerTeam { get; set; } = 1000;

    /// <summary>Members a private channel may have (250 before 2025, 5,000 since).</summary>
    public int MaxPrivateChannelMembers { get; set; } = 5000;

    /// <summary>Members a shared channel may have directly.</summary>
    public int MaxSharedChannelMembers { get; set; } = 5000;

    /// <summary>Members the request creating a private channel may carry.</summary>
    public int MaxMembersInChannelCreate { get; set; } = 200;

    /// <summary>Requests in one <c>$batch</c>.</summary>
    public int MaxBatchRequests { get; set; } = 20;

    /// <summary>Longest channel display name.</summary>
    public int MaxChannelNameLength { get; set; } = 50;
}
