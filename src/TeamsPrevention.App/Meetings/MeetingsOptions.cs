using System.ComponentModel.DataAnnotations;

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
    [Range(1, 60)]
    public int DefaultPlatformOccurrences { get; set; } = 12;

    /// <summary>Run the meetings background job (Graph retries, reminders, agenda cards) in this instance.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the background job looks for due work.</summary>
    public TimeSpan PassInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an instance keeps a claimed meeting or notice before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First automatic retry delay after a Graph failure; doubled at each attempt up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Automatic Graph attempts before the job stops and leaves it to the coordinator's manual retry.</summary>
    [Range(1, 1000)]
    public int MaxSyncAttempts { get; set; } = 30;

    /// <summary>How long before each occurrence the attendees receive the reminder card.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Sending attempts of one reminder or agenda card before it is left as failed.</summary>
    [Range(1, 100)]
    public int MaxNoticeAttempts { get; set; } = 5;

    /// <summary>
    /// The Teams channel (thread id <c>19:…@thread.tacv2</c>) that receives agenda cards. Unset: the General channel of
    /// <c>Situations:CellTeamId</c> (found through Graph), provided the bot is installed in that team.
    /// </summary>
    public string? AgendaChannelId { get; set; }

    /// <summary>Post a content-free agenda card to the cell's channel when a meeting is scheduled.</summary>
    public bool PostAgendaCard { get; set; } = true;
}
