using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Bot;

/// <summary>One page of conversation members (<c>GET /v3/conversations/{id}/pagedmembers</c>).</summary>
public sealed class PagedMembersResult
{
    public string? ContinuationToken { get; set; }

    public List<ChannelAccount> Members { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
