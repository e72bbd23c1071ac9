using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Situations;

/// <summary>The situation's private channel, as the product intends it. Stored by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChannelState>))]
public enum ChannelState
{
    /// <summary>No channel wanted.</summary>
    None,

    /// <summary>A channel is wanted (the intent is stored before any Graph call); the worker creates or adopts it.</summary>
    Requested,

    /// <summary>The channel exists and is reconciled periodically with the need-to-know list.</summary>
    Active,

    /// <summary>The channel must be archived (closure under <see cref="ChannelClosurePolicy.Archive"/>).</summary>
    Archiving,

    /// <summary>The channel is archived in Teams; the purge deletes it at retention expiry.</summary>
    Archived,

    /// <summary>The channel must be removed (closure or purge).</summary>
    Removing,

    /// <summary>The channel was removed.</summary>
    Removed,
}
