using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Bot;

/// <summary>The Teams part of an activity's <c>channelData</c>: tenant, team, channel, event type.</summary>
public sealed class TeamsChannelData
{
    public TeamsInfo? Tenant { get; set; }

    public TeamsInfo? Team { get; set; }

    public TeamsInfo? Channel { get; set; }

    public string? EventType { get; set; }

    public string? TeamsTeamId { get; set; }

    public string? TeamsChannelId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
