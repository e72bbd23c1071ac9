using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Meetings;

[JsonConverter(typeof(JsonStringEnumConverter<MeetingItemSource>))]
public enum MeetingItemSource
{
    /// <summary>The situation's next review falls before the meeting.</summary>
    ReviewDue,

    /// <summary>Added by a referent (or the coordinator).</summary>
    Added,
}
