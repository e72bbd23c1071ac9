namespace TeamsPrevention.App.Situations;

/// <summary>What becomes of a situation's channel on closure.</summary>
public enum ChannelClosurePolicy
{
    /// <summary>The channel is deleted at closure.</summary>
    Delete,

    /// <summary>The channel stays (members kept in line with the list) until the purge deletes it.</summary>
    KeepUntilPurge,

    /// <summary>
    /// The channel is archived at closure (read-only in Teams: the record of the work stays readable by its members,
    /// nothing new can be written) and deleted by the purge at retention expiry.
    /// </summary>
    Archive,
}
