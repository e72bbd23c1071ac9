using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Alerts;

/// <summary>What an alert is about, in words that never identify a person.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertCategory>))]
public enum AlertCategory
{
    /// <summary>New signal (signalement).</summary>
    Signal,

    /// <summary>Follow-up of a situation (suivi de situation).</summary>
    FollowUp,

    /// <summary>Coordination between services.</summary>
    Coordination,

    /// <summary>General information.</summary>
    Information,
}
