using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Meetings;

/// <summary>The platform (strategic, non-nominative, recurring) or a case meeting (about situations).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeetingKind>))]
public enum MeetingKind
{
    Platform,
    Case,
}
