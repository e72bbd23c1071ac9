namespace TeamsPrevention.App.Situations;

/// <summary>
/// One individual situation: case data only. Known everywhere by <see cref="Code"/>; the person's identity lives apart,
/// encrypted (<see cref="SituationIdentity"/>). No score, ever: observations are indicators with evidence.
/// </summary>
public sealed class Situation
{
    public const int MaxTextLength = 4000;
    public const int MaxShortTextLength = 400;

    public Guid Id { get; init; }

    /// <summary>The random code (<c>K7M-4QX</c>), unique, the only name on Teams surfaces.</summary>
    public required string Code { get; init; }

    public SituationStatus Status { get; set; }

    /// <summary>The organisation the signal came from.</summary>
    public Guid SourceOrganisationId { get; set; }

    /// <summary>When the facts were observed (the signal's date), a calendar day.</summary>
    public DateOnly SignalDate { get; set; }

    /// <summary>Free text of the signal (case content).</summary>
    public string? SignalText { get; set; }

    /// <summary>Directory id of who recorded the signal.</summary>
    public Guid ReportedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The referent following the situation (owner of its channel).</summary>
    public Guid? ReferentId { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedBy { get; set; }

    /// <summary>Declined: the regular service the situation was referred to (null = no further action).</summary>
    public string? ReferredTo { get; set; }

    /// <summary>Included: always set; a review after it is overdue.</summary>
    public DateTimeOffset? NextReviewAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosureReason { get; set; }

    /// <summary>After-care reviews done since closure.</summary>
    public int AfterCareReviewsDone { get; set; }

    /// <summary>When the content is purged (set on decline and closure).</summary>
    public DateTimeOffset? RetentionUntil { get; set; }

    public ChannelState ChannelState { get; set; }

    /// <summary>The Graph id of the private channel once created or adopted.</summary>
    public string? ChannelId { get; set; }

    /// <summary>
    /// The channel's display name: the code, or the code and a number when Teams still holds the code's name for a
    /// deleted channel. Nothing else ever goes in it.
    /// </summary>
    public string? ChannelName { get; set; }

    /// <summary>When the channel worker should next look at this situation.</summary>
    public DateTimeOffset? ChannelSyncDueAt { get; set; }

    /// <summary>The worker instance holding the lease, if any.</summary>
    public string? ChannelLeaseOwner { get; set; }

    public DateTimeOffset? ChannelLeaseUntil { get; set; }

    /// <summary>The last channel problem shown to users (fixed French phrase, no personal data).</summary>
    public string? ChannelProblem { get; set; }

    /// <summary>Optimistic concurrency: each change increments it.</summary>
    public int Version { get; set; }

    public List<SituationIndicator> Indicators { get; init; } = [];

    public List<NeedToKnowEntry> NeedToKnow { get; init; } = [];

    public List<SituationAction> Actions { get; init; } = [];

    public List<SituationReview> Reviews { get; init; } = [];
}
