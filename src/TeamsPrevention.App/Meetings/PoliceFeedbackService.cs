using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Situations;

namespace TeamsPrevention.App.Meetings;

/// <summary>
/// The police feedback form of a case-meeting item. Who: the form is the cell's feedback to the police, so the
/// coordination writes it — the Chair or a coordinator present for the item; it is read by them and by a police
/// referent present for the item (its addressee); the Chair, who sees all, may read it without having attended.
/// Everyone must also be on the situation's need-to-know list (the Chair always is) and, when an attendee, have
/// acknowledged the secrecy duty for the meeting. It can be saved only once the item's minutes record a consensus
/// (consensus yes) and with the author's confirmation that it carries nothing disclosed under secrecy. Every read,
/// write and refusal is audited.
/// </summary>
public sealed class PoliceFeedbackService(AppDbContext db, MeetingService meetings, TimeProvider time, ILogger<PoliceFeedbackService> logger)
{
    public async Task<PoliceFeedbackView> GetAsync(DirectoryPerson actor, Guid meetingId, Guid itemId, CancellationToken cancellationToken)
    {
        var (meeting, item) = await LoadAsync(actor, meetingId, itemId, cancellationToken);
        var present = item.PresentPersonIds.Contains(actor.Id);
        var reader = actor.HasRole(DirectoryRole.Chair)
            || (present && (actor.HasRole(DirectoryRole.Coordinator) || actor.HasRole(DirectoryRole.PoliceReferent)));
        if (!reader || !await HasContentAccessAsync(actor, item, cancellationToken))
        {
            await meetings.DenyAsync(actor, item.SituationCode, meeting.Id, "police feedback read refused", cancellationToken);
            throw MeetingProblem.Forbidden("Le formulaire de retour à la police est réservé à la présidence, à la coordination et au référent police présents pour ce point.");
        }

        await RequireSecrecyIfAttendeeAsync(meeting, item, actor, "police feedback read refused: secrecy not acknowledged", cancellationToken);
        var feedback = await db.Set<PoliceFeedback>().AsNoTracking().FirstOrDefaultAsync(f => f.ItemId == item.Id, cancellationToken);
        await meetings.AuditAsync(actor, AuditAction.View, item.SituationCode, meeting.Id, "police feedback", cancellationToken);
        return View(item, feedback, MayWrite(actor, item));
    }

    public async Task<PoliceFeedbackView> SaveAsync(DirectoryPerson actor, Guid meetingId, Guid itemId, PoliceFeedbackInput input, CancellationToken cancellationToken)
    {
        var (meeting, item) = await LoadAsync(actor, meetingId, itemId, cancellationToken);
        if (!MayWrite(actor, item) || !await HasContentAccessAsync(actor, item, cancellationToken))
        {
            await meetings.DenyAsync(actor, item.SituationCode, meeting.Id, "police feedback write refused", cancellationToken);
            throw MeetingProblem.Forbidden("Le formulaire de retour à la police est rédigé par la présidence ou la coordination présente pour ce point.");
        }

        await RequireSecrecyIfAttendeeAsync(meeting, item, actor, "police feedback write refused: secrecy not acknowledged", cancellationToken);
        if (item.MinutesAt is null || item.Consensus != true)
        {
            throw new MeetingProblem(
                StatusCodes.Status409Conflict,
                "Un retour à la police exige le consensus de tous les participants, consigné au relevé de décisions de ce point.");
        }

        if (input.NothingUnderSecrecy != true)
        {
            throw MeetingProblem.Invalid("nothingUnderSecrecy", "Confirmez que ce retour ne contient rien de ce qui a été confié sous le secret professionnel partagé.");
        }

        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > PoliceFeedback.MaxTextLength)
        {
            throw MeetingProblem.Invalid("text", $"Rédigez le retour ({PoliceFeedback.MaxTextLength} caractères au plus).");
        }

        var now = time.GetUtcNow();
        var feedback = await db.Set<PoliceFeedback>().FirstOrDefaultAsync(f => f.ItemId == item.Id, cancellationToken);
        if (feedback is null)
        {
            feedback = new PoliceFeedback
            {
                Id = Guid.NewGuid(),
                MeetingId = meeting.Id,
                ItemId = item.Id,
                SituationId = item.SituationId,
                SituationCode = item.SituationCode,
                Text = text,
                CreatedAt = now,
            };
            db.Add(feedback);
        }
        else if (input.Version is { } expected && expected != feedback.Version)
        {
            throw new MeetingProblem(StatusCodes.Status409Conflict, "Le formulaire a été modifié entre-temps ; rechargez-le.");
        }

        feedback.Text = text;
        feedback.NothingUnderSecrecyConfirmed = true;
        feedback.AuthorId = actor.Id;
        feedback.UpdatedAt = now;
        feedback.Version++;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await meetings.AuditAsync(actor, AuditAction.Change, item.SituationCode, meeting.Id, "police feedback saved", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new MeetingProblem(StatusCodes.Status409Conflict, "Le formulaire a été modifié entre-temps ; rechargez-le.");
        }

        MeetingsLog.FeedbackSaved(logger, meeting.Id, item.Id);
        return View(item, feedback, true);
    }

    private async Task<(Meeting Meeting, MeetingItem Item)> LoadAsync(DirectoryPerson actor, Guid meetingId, Guid itemId, CancellationToken cancellationToken)
    {
        var meeting = await meetings.LoadVisibleAsync(actor, meetingId, tracked: false, cancellationToken);
        var item = meeting.Items.FirstOrDefault(i => i.Id == itemId) ?? throw new MeetingProblem(StatusCodes.Status404NotFound, "Point introuvable.");
        return (meeting, item);
    }

    private static bool MayWrite(DirectoryPerson actor, MeetingItem item) =>
        item.PresentPersonIds.Contains(actor.Id) && (actor.HasRole(DirectoryRole.Chair) || actor.HasRole(DirectoryRole.Coordinator));

    private async Task<bool> HasContentAccessAsync(DirectoryPerson actor, MeetingItem item, CancellationToken cancellationToken)
    {
        var situation = await db.Set<Situation>().AsNoTracking().Include(s => s.NeedToKnow).FirstOrDefaultAsync(s => s.Id == item.SituationId, cancellationToken);
        return situation is not null && SituationRules.AccessOf(situation, actor, time.GetUtcNow()) == AccessLevel.Content;
    }

    private async Task RequireSecrecyIfAttendeeAsync(Meeting meeting, MeetingItem item, DirectoryPerson actor, string purpose, CancellationToken cancellationToken)
    {
        if (meeting.Attendees.FirstOrDefault(a => a.PersonId == actor.Id) is { SecrecyAcknowledgedAt: null })
        {
            throw await meetings.RefuseAsync(actor, item.SituationCode, meeting.Id, purpose, MeetingService.SecrecyFirst, cancellationToken);
        }
    }

    private static PoliceFeedbackView View(MeetingItem item, PoliceFeedback? feedback, bool canWrite) => new(
        item.Id,
        item.SituationCode,
        item.MinutesAt is not null && item.Consensus == true,
        canWrite,
        feedback?.Text,
        feedback?.NothingUnderSecrecyConfirmed ?? false,
        feedback?.AuthorId,
        feedback?.UpdatedAt,
        feedback?.Version ?? 0);
}
