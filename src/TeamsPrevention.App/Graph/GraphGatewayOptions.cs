using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Graph;

/// <summary>How the Graph gateway paces itself. Bound from the <c>Graph</c> section.</summary>
public sealed class GraphGatewayOptions
{
    public const string Section = "Graph";

    /// <summary>Interval between two polls of a shared channel's creation (Microsoft: no faster than every 30 s).</summary>
    public TimeSpan SharedChannelPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for a shared channel's creation before giving up (it may still complete later).</summary>
    public TimeSpan SharedChannelTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Members the request creating a private channel may carry (Graph: 200); more are added by batches.</summary>
    [Range(1, 200)]
    public int MaxMembersInChannelCreate { get; set; } = 200;

    /// <summary>Times a throttled request inside a batch is sent again (after its Retry-After).</summary>
    [Range(0, 10)]
    public int ThrottledBatchRetries { get; set; } = 3;

    /// <summary>Time zone the product's meetings are written in (Graph accepts IANA and Windows names).</summary>
    [Required]
    public string CalendarTimeZone { get; set; } = "Europe/Brussels";
}
