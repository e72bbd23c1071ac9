using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Alerts;

/// <summary>Why the person answers a received alert: as themselves, for their organisation, or as the deputy or Chair it escalated to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReceivedAlertRole>))]
public enum ReceivedAlertRole
{
    Me,
    MyOrganisation,
    Escalated,
}
