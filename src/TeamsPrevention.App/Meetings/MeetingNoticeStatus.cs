using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Meetings;

[JsonConverter(typeof(JsonStringEnumConverter<MeetingNoticeStatus>))]
public enum MeetingNoticeStatus
{
    Pending,
    Sent,
    Failed,
}
