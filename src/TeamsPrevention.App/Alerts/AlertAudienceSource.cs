using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Alerts;

/// <summary>How the sender chose a recipient.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertAudienceSource>))]
public enum AlertAudienceSource
{
    Person,
    Organisation,
    Role,
    NeedToKnow,
    Escalation,
}
