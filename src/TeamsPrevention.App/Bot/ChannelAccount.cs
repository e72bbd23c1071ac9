using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Bot;

/// <summary>A participant: a person (<c>29:…</c> in Teams), the bot (<c>28:…</c>) or a channel.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The person's Entra object id.</summary>
    public string? AadObjectId { get; set; }

    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
