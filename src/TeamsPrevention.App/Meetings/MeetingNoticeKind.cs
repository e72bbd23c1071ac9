using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Meetings;

[JsonConverter(typeof(JsonStringEnumConverter<MeetingNoticeKind>))]
public enum MeetingNoticeKind
{
    /// <summary>The reminder card in an attendee's personal chat with the bot.</summary>
    Reminder,

    /// <summary>The agenda card in the cell's channel.</summary>
    Agenda,
}
