namespace TeamsPrevention.App.Situations;

/// <summary>One action of the action plan: what, which organisation, by when, where it stands.</summary>
public sealed class SituationAction
{
    public Guid Id { get; init; }

    public Guid SituationId { get; init; }

    public required string Description { get; set; }

    public Guid OwnerOrganisationId { get; set; }

    public DateOnly DueDate { get; set; }

    public ActionStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
