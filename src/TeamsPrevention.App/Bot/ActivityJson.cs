using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Bot;

/// <summary>The JSON settings of the Bot Connector wire format: camelCase, nulls left out.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
