namespace TeamsPrevention.App.Meetings;

/// <summary>
/// A platform or case meeting as the product stores it (the durable intent); its calendar event and Teams meeting
/// follow through Graph (<see cref="SyncState"/>). Nothing identifying a person is ever sent to Graph but attendees' addresses.
/// </summary>
public sealed class Meeting
{
    public Guid Id { get; init; }

    public MeetingKind Kind { get; init; }

    public MeetingStatus Status { get; set; }

    public DateTimeOffset StartAt { get; set; }

    public DateTimeOffset EndAt { get; set; }

    /// <summary>Platform: the number of monthly occurrences (same weekday of the same week of the month).</summary>
    public int? Occurrences { get; set; }

    /// <summary>The mailbox (Entra object id or address) whose calendar holds the event.</summary>
    public required string Organizer { get; init; }

    /// <summary>Directory id of the coordinator who scheduled it.</summary>
    public Guid CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? EventId { get; set; }

    public string? JoinUrl { get; set; }

    /// <summary>The stored times or attendees changed since the event was written.</summary>
    public bool NeedsUpdate { get; set; }

    /// <summary>No recording, no transcription, lobby for anyone not invited: applied.</summary>
    public bool SettingsApplied { get; set; }

    public MeetingSyncState SyncState { get; set; }

    /// <summary>A fixed French phrase shown to the coordinator, never an error message from Graph.</summary>
    public string? SyncProblem { get; set; }

    public int SyncAttempts { get; set; }

    /// <summary>The Graph failure kind of the last failed attempt (<c>Throttled</c>, <c>Forbidden</c>…), for the coordinator.</summary>
    public string? SyncFailure { get; set; }

    /// <summary>When the background job tries Graph again; null when nothing is due (synced, or automatic retries exhausted).</summary>
    public DateTimeOffset? NextSyncAt { get; set; }

    /// <summary>The instance working the Graph step now (a lease: taken over when it runs out).</summary>
    public string? SyncLeaseOwner { get; set; }

    public DateTimeOffset? SyncLeaseUntil { get; set; }

    /// <summary>Optimistic concurrency.</summary>
    public int Version { get; set; }

    public List<MeetingAttendee> Attendees { get; init; } = [];

    public List<MeetingItem> Items { get; init; } = [];
}
