using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Situations;

namespace TeamsPrevention.App.Meetings;

/// <summary>
/// A case meeting's agenda proposed from the reviews that fall due before it, for situations whose need-to-know lists
/// name one of its attendees. Whoever proposes sees the codes they may see and only a count of the others; the
/// items are added as <see cref="MeetingItemSource.ReviewDue"/>, and each attendee then sees on the agenda only the
/// codes on their own lists.
/// </summary>
public sealed class AgendaProposals(AppDbContext db, MeetingService meetings, DueAgendaItems dueItems)
{
    /// <summary>What would be added now (nothing is written; the codes the person may see are audited as viewed).</summary>
    public async Task<AgendaProposalView> ProposeAsync(DirectoryPerson actor, Guid id, CancellationToken cancellationToken)
    {
        var meeting = await LoadForProposalAsync(actor, id, "agenda proposal refused", tracked: false, cancellationToken);
        var due = await dueItems.NotOnAgendaAsync(meeting, cancellationToken);
        var visible = new List<ProposedItemView>();
        foreach (var review in due.Where(r => MaySee(actor, r)))
        {
            visible.Add(new ProposedItemView(review.Code, review.DueAt));
            await meetings.AuditAsync(actor, AuditAction.View, review.Code, meeting.Id, "agenda proposal item", cancellationToken);
        }

        return new AgendaProposalView(meeting.Id, due.Count, visible, due.Count - visible.Count);
    }

    /// <summary>Adds every proposed item (those due by the meeting's start for its attendees and not yet on it).</summary>
    public async Task<AgendaView> AcceptAsync(DirectoryPerson actor, Guid id, CancellationToken cancellationToken)
    {
        var meeting = await LoadForProposalAsync(actor, id, "agenda proposal refused", tracked: true, cancellationToken);
        var added = await dueItems.AddAsync(meeting, cancellationToken);
        if (added.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var item in added)
            {
                await meetings.AuditAsync(actor, AuditAction.Change, item.SituationCode, meeting.Id, "agenda item proposed", cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return await meetings.GetAgendaAsync(actor, id, cancellationToken);
    }

    private async Task<Meeting> LoadForProposalAsync(DirectoryPerson actor, Guid id, string purpose, bool tracked, CancellationToken cancellationToken)
    {
        if (!MeetingService.MayAddItems(actor))
        {
            throw await meetings.RefuseAsync(actor, null, id, purpose, "Seuls les référents et la coordination ajoutent des points à l'ordre du jour.", cancellationToken);
        }

        var meeting = await meetings.LoadVisibleAsync(actor, id, tracked, cancellationToken);
        MeetingService.RequireScheduled(meeting);
        if (meeting.Kind != MeetingKind.Case)
        {
            throw new MeetingProblem(StatusCodes.Status409Conflict, "La plateforme ne traite aucune situation individuelle.");
        }

        return meeting;
    }

    /// <summary>Content access as everywhere: the Chair, or a valid entry on the list (metadata-only roles never).</summary>
    private bool MaySee(DirectoryPerson actor, DueReview review) =>
        !SituationRules.IsMetadataOnly(actor) && (actor.HasRole(DirectoryRole.Chair) || review.ListedPersonIds.Contains(actor.Id));
}

/// <summary>
/// The proposal for a case meeting's agenda: <paramref name="Total"/> reviews due before it, the codes the person may
/// see, and how many others (<paramref name="Restricted"/>, shown as "N points réservés").
/// </summary>
public sealed record AgendaProposalView(Guid MeetingId, int Total, IReadOnlyList<ProposedItemView> Visible, int Restricted);

public sealed record ProposedItemView(string Code, DateTimeOffset DueAt);
