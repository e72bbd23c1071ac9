using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Meetings;

[JsonConverter(typeof(JsonStringEnumConverter<MeetingStatus>))]
public enum MeetingStatus
{
    Scheduled,
    Cancelled,
}
