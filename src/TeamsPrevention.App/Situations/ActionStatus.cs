using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Situations;

/// <summary>The state of one action of the action plan. Stored by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionStatus>))]
public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
    Cancelled,
}
