namespace TeamsPrevention.App.Meetings;

/// <summary>Meetings settings. Bound from the <c>Meetings</c> section.</summary>
public sealed class MeetingsOptions
{
    public const string Section = "Meetings";

    /// <summary>
    /// The cell mailbox (Entra object id or address) whose calendar holds every meeting; unset: the calendar of the
    /// coordinator who schedules.
    /// </summary>
    public string? OrganizerMailbox { get; set; }

    /// <summary>Occurrences of the monthly platform when the coordinator gives none.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 60)]
    public int DefaultPlatformOccurrences { get; set; } = 12;
}
