using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Situations;

/// <summary>Where a situation is in its life. Stored by name: never rename a member.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SituationStatus>))]
public enum SituationStatus
{
    /// <summary>A signal was recorded; nobody has started the screening yet.</summary>
    Signalled,

    /// <summary>The referent (with the police referent) is screening the signal.</summary>
    Screening,

    /// <summary>The Chair included the person on the case list: action plan and reviews.</summary>
    Included,

    /// <summary>The Chair decided no further action, or referred to regular services.</summary>
    Declined,

    /// <summary>Closed (reason, date); after-care reviews may still be due.</summary>
    Closed,
}
