using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Alerts;

[JsonConverter(typeof(JsonStringEnumConverter<AlertDeliveryStatus>))]
public enum AlertDeliveryStatus
{
    Queued,
    Sent,
    Failed,

    /// <summary>The alert was withdrawn before this card went out.</summary>
    Cancelled,
}
