using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// Metadata attached to an activity. A <c>mention</c> carries <see cref="Mentioned"/> and the <c>&lt;at&gt;…&lt;/at&gt;</c>
/// <see cref="Text"/>; <c>clientInfo</c> carries <see cref="Locale"/>. Other fields stay in <see cref="Extra"/>.
/// </summary>
public sealed class Entity
{
    public string? Type { get; set; }

    public ChannelAccount? Mentioned { get; set; }

    public string? Text { get; set; }

    public string? Locale { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
