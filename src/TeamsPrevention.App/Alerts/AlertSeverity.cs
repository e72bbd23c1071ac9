using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Alerts;

[JsonConverter(typeof(JsonStringEnumConverter<AlertSeverity>))]
public enum AlertSeverity
{
    /// <summary>Answer within 5 working days.</summary>
    Info,

    /// <summary>Answer within 2 working days.</summary>
    Elevated,

    /// <summary>Answer within 1 hour of office time.</summary>
    Urgent,
}
