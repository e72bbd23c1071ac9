namespace TeamsPrevention.App.Meetings;

/// <summary>
/// The feedback form to the police for one case-meeting item: a separate record from the minutes, allowed only when the
/// minutes recorded the consensus of all participants, and only with its author's confirmation that it carries nothing
/// disclosed under shared professional secrecy (art. 458ter, Constitutional Court 52/2021).
/// </summary>
public sealed class PoliceFeedback
{
    public const int MaxTextLength = 4000;

    public Guid Id { get; init; }

    public Guid MeetingId { get; init; }

    public Guid ItemId { get; init; }

    public Guid SituationId { get; init; }

    public required string SituationCode { get; init; }

    public required string Text { get; set; }

    /// <summary>The author confirmed that the form carries nothing disclosed under secrecy (always true once stored).</summary>
    public bool NothingUnderSecrecyConfirmed { get; set; }

    public Guid AuthorId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}
