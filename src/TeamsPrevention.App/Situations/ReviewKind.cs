using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Situations;

/// <summary>A review while included, or an after-care review after closure. Stored by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewKind>))]
public enum ReviewKind
{
    Review,
    AfterCare,
}
