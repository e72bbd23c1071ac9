using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Bot;

/// <summary>A tenant, team or channel as named in <c>channelData</c>.</summary>
public sealed class TeamsInfo
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadGroupId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
