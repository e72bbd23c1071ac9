using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Alerts;

[JsonConverter(typeof(JsonStringEnumConverter<AlertAnswer>))]
public enum AlertAnswer
{
    Acknowledged,
    NeedMoreInformation,
    NotConcerned,
}
