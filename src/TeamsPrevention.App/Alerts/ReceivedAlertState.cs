using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Alerts;

/// <summary>Where a received alert stands for the person: still waiting for their answer, answered, or withdrawn.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReceivedAlertState>))]
public enum ReceivedAlertState
{
    Pending,
    Answered,
    Withdrawn,
}
