using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Graph;
using TeamsPrevention.App.Hosting;
using TeamsPrevention.App.PersonalData;
using TeamsPrevention.App.Secrecy;
using TeamsPrevention.App.Situations;
using TeamsPrevention.App.Tab;

namespace TeamsPrevention.App.Meetings;

/// <summary>
/// Platform and case meetings: stored first (the durable intent), then written to Outlook and Teams through Graph;
/// a Graph failure leaves the meeting <see cref="MeetingSyncState.ToRetry"/> for the coordinator. Agenda items are
/// situation codes, shown to each person only when they are on the situation's need-to-know list; an item's minutes
/// only to those present for it.
/// </summary>
public sealed class MeetingService(
    AppDbContext db,
    DirectoryService directory,
    AuditLog audit,
    GraphCalendar graph,
    GraphOnlineMeetings onlineMeetings,
    SecrecyAcknowledgements secrecy,
    IOptions<MeetingsOptions> options,
    TabLinks links,
    IOptions<SituationsOptions> situationsOptions,
    DueAgendaItems dueItems,
    TimeProvider time,
    ILogger<MeetingService> logger)
{
    private const string AuditTarget = "Meeting";
    private static readonly TimeSpan MaxDuration = TimeSpan.FromHours(8);

    private DateTimeOffset Now => time.GetUtcNow();

    public async Task<IReadOnlyList<MeetingView>> ListAsync(DirectoryPerson actor, CancellationToken cancellationToken)
    {
        var query = db.Set<Meeting>().AsNoTracking().Include(m => m.Attendees).AsQueryable();
        if (!IsCoordination(actor))
        {
            query = query.Where(m => m.Attendees.Any(a => a.PersonId == actor.Id));
        }

        var meetings = await query.ToListAsync(cancellationToken);
        return [.. meetings.OrderBy(m => m.StartAt).Select(View)];
    }

    /// <summary>The person's next occurrence (of a kind, or any) among the scheduled meetings they are invited to.</summary>
    public async Task<NextMeeting?> NextOccurrenceAsync(DirectoryPerson person, MeetingKind? kind, CancellationToken cancellationToken)
    {
        var now = Now;
        var meetings = await db.Set<Meeting>().AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Scheduled && m.Attendees.Any(a => a.PersonId == person.Id) && (m.Kind == MeetingKind.Platform || m.EndAt > now))
            .Where(m => kind == null || m.Kind == kind)
            .ToListAsync(cancellationToken);
        return meetings
            .Select(m => (Meeting: m, Next: MeetingOccurrences.Next(m, now)))
            .Where(x => x.Next is not null)
            .OrderBy(x => x.Next!.Value.Start)
            .Select(x => new NextMeeting(x.Meeting.Id, x.Meeting.Kind, x.Next!.Value.Start, x.Next!.Value.End, x.Meeting.JoinUrl))
            .FirstOrDefault();
    }

    public async Task<MeetingView> GetAsync(DirectoryPerson actor, Guid id, CancellationToken cancellationToken) =>
        View(await LoadVisibleAsync(actor, id, tracked: false, cancellationToken));

    public async Task<MeetingView> ScheduleAsync(DirectoryPerson actor, MeetingInput input, CancellationToken cancellationToken)
    {
        await RequireCoordinationAsync(actor, null, "meeting schedule refused", cancellationToken);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            throw MeetingProblem.Invalid("kind", "Précisez le type de réunion (plateforme ou cas).");
        }

        var (start, end) = CheckTimes(input, Languages.FromTag(actor.PreferredLanguage));
        var attendees = await CheckAttendeesAsync(actor, input.AttendeeIds, cancellationToken);
        var now = Now;
        var meeting = new Meeting
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            Status = MeetingStatus.Scheduled,
            StartAt = start,
            EndAt = end,
            Occurrences = kind == MeetingKind.Platform ? CheckOccurrences(input.Occurrences) : null,
            Organizer = options.Value.OrganizerMailbox is { Length: > 0 } mailbox ? mailbox : actor.EntraObjectId.ToString(),
            CreatedBy = actor.Id,
            CreatedAt = now,
            UpdatedAt = now,
            SyncState = MeetingSyncState.Pending,
            NextSyncAt = now,
            Attendees = [.. attendees.Select(p => new MeetingAttendee { PersonId = p })],
        };
        db.Add(meeting);
        if (kind == MeetingKind.Case)
        {
            await dueItems.AddAsync(meeting, cancellationToken);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await AuditAsync(actor, AuditAction.Change, null, meeting.Id, "meeting scheduled", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        MeetingsLog.Changed(logger, meeting.Id, kind, "scheduled");
        await SyncAsync(meeting, cancellationToken);
        return View(meeting);
    }

    public async Task<MeetingView> RescheduleAsync(DirectoryPerson actor, Guid id, MeetingInput input, CancellationToken cancellationToken)
    {
        await RequireCoordinationAsync(actor, id, "meeting reschedule refused", cancellationToken);
        var meeting = await LoadVisibleAsync(actor, id, tracked: true, cancellationToken);
        RequireScheduled(meeting);
        var (start, end) = CheckTimes(input, Languages.FromTag(actor.PreferredLanguage));
        meeting.StartAt = start;
        meeting.EndAt = end;
        if (meeting.Kind == MeetingKind.Platform && input.Occurrences is not null)
        {
            meeting.Occurrences = CheckOccurrences(input.Occurrences);
        }

        if (input.AttendeeIds is not null)
        {
            var wanted = await CheckAttendeesAsync(actor, input.AttendeeIds, cancellationToken);
            meeting.Attendees.RemoveAll(a => !wanted.Contains(a.PersonId));
            foreach (var added in wanted.Where(p => meeting.Attendees.All(a => a.PersonId != p)).ToList())
            {
                var attendee = new MeetingAttendee { MeetingId = meeting.Id, PersonId = added };
                meeting.Attendees.Add(attendee);
                db.Add(attendee);
            }
        }

        if (meeting.Kind == MeetingKind.Case)
        {
            await dueItems.AddAsync(meeting, cancellationToken);
        }

        meeting.NeedsUpdate = meeting.EventId is not null;
        await SaveChangeAsync(actor, meeting, "meeting rescheduled", cancellationToken);
        await SyncAsync(meeting, cancellationToken);
        return View(meeting);
    }

    public async Task<MeetingView> CancelAsync(DirectoryPerson actor, Guid id, CancellationToken cancellationToken)
    {
        await RequireCoordinationAsync(actor, id, "meeting cancel refused", cancellationToken);
        var meeting = await LoadVisibleAsync(actor, id, tracked: true, cancellationToken);
        RequireScheduled(meeting);
        meeting.Status = MeetingStatus.Cancelled;
        await SaveChangeAsync(actor, meeting, "meeting cancelled", cancellationToken);
        await SyncAsync(meeting, cancellationToken);
        return View(meeting);
    }

    /// <summary>Sends again what Graph has not received (create, update, settings or cancellation).</summary>
    public async Task<MeetingView> RetryAsync(DirectoryPerson actor, Guid id, CancellationToken cancellationToken)
    {
        await RequireCoordinationAsync(actor, id, "meeting retry refused", cancellationToken);
        var meeting = await LoadVisibleAsync(actor, id, tracked: true, cancellationToken);
        if (meeting.SyncState != MeetingSyncState.Synced)
        {
            // A retry by hand starts a new series of automatic attempts.
            meeting.SyncAttempts = 0;
            await AuditAsync(actor, AuditAction.Change, null, meeting.Id, "meeting sync retried", cancellationToken);
            if (!await SyncAsync(meeting, cancellationToken))
            {
                throw new MeetingProblem(StatusCodes.Status409Conflict, "Un envoi vers Outlook et Teams est déjà en cours ; rechargez dans un instant.");
            }
        }

        return View(meeting);
    }

    public async Task<AgendaView> GetAgendaAsync(DirectoryPerson actor, Guid id, CancellationToken cancellationToken)
    {
        var meeting = await LoadVisibleAsync(actor, id, tracked: false, cancellationToken);
        var situations = await SituationsOfAsync(meeting, cancellationToken);
        var now = Now;
        var items = new List<AgendaItemView>();
        var restricted = MeetingTexts.For(Languages.FromTag(actor.PreferredLanguage)).RestrictedItem;

        // Who records attendance is offered, per item they see, only the attendees who may be present for it.
        var attendees = MayRecordAttendance(actor) ? await AttendeesAsync(meeting, cancellationToken) : null;
        foreach (var item in meeting.Items.OrderBy(i => i.SituationCode, StringComparer.Ordinal))
        {
            var visible = situations.TryGetValue(item.SituationId, out var s) && SituationRules.AccessOf(s, actor, now) == AccessLevel.Content;
            items.Add(visible
                ? new AgendaItemView(item.Id, false, item.SituationCode, item.Source, item.PresentPersonIds.Contains(actor.Id), item.MinutesAt is not null,
                    attendees is null ? null : MayAttend(attendees, s!, now))
                : new AgendaItemView(item.Id, true, restricted, null, false, false));
            if (visible)
            {
                await AuditAsync(actor, AuditAction.View, item.SituationCode, meeting.Id, "agenda item", cancellationToken);
            }
        }

        return new AgendaView(meeting.Id, meeting.Kind, items);
    }

    /// <summary>A referent (or the coordination) puts a situation they may see on a case meeting's agenda.</summary>
    public async Task<AgendaView> AddItemAsync(DirectoryPerson actor, Guid id, string? code, CancellationToken cancellationToken)
    {
        if (!MayAddItems(actor))
        {
            throw await RefuseAsync(actor, null, id, "agenda item add refused", "Seuls les référents et la coordination ajoutent des points à l'ordre du jour.", cancellationToken);
        }

        var meeting = await LoadVisibleAsync(actor, id, tracked: true, cancellationToken);
        RequireScheduled(meeting);
        if (meeting.Kind != MeetingKind.Case)
        {
            throw new MeetingProblem(StatusCodes.Status409Conflict, "La plateforme ne traite aucune situation individuelle.");
        }

        var normalised = SituationCodes.Normalise(code);
        var situation = normalised is null ? null
            : await db.Set<Situation>().AsNoTracking().Include(s => s.NeedToKnow).FirstOrDefaultAsync(s => s.Code == normalised, cancellationToken);
        if (situation is null || SituationRules.AccessOf(situation, actor, Now) != AccessLevel.Content)
        {
            // Same answer for a situation that does not exist and one the person may not see; both audited.
            await DenyAsync(actor, normalised, meeting.Id, "agenda item add refused", cancellationToken);
            throw new MeetingProblem(StatusCodes.Status404NotFound, "Situation introuvable.");
        }

        if (meeting.Items.All(i => i.SituationId != situation.Id))
        {
            db.Add(MeetingItem.PutOn(meeting, situation.Id, situation.Code, MeetingItemSource.Added, actor.Id));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await AuditAsync(actor, AuditAction.Change, situation.Code, meeting.Id, "agenda item added", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await GetAgendaAsync(actor, id, cancellationToken);
    }

    /// <summary>
    /// Who was present for an item (the coordination or the secretary, who must see the item): only attendees of the
    /// meeting who may see the item's situation. A refused entry is named by its position (<c>present[i]</c>).
    /// </summary>
    public async Task<AgendaView> SetAttendanceAsync(DirectoryPerson actor, Guid id, Guid itemId, IReadOnlyList<Guid>? present, CancellationToken cancellationToken)
    {
        if (!MayRecordAttendance(actor))
        {
            throw await RefuseAsync(actor, null, id, "attendance write refused", "Les présences sont notées par la coordination ou le secrétariat.", cancellationToken);
        }

        var meeting = await LoadVisibleAsync(actor, id, tracked: true, cancellationToken);
        var item = meeting.Items.FirstOrDefault(i => i.Id == itemId) ?? throw new MeetingProblem(StatusCodes.Status404NotFound, "Point introuvable.");
        var situation = await db.Set<Situation>().AsNoTracking().Include(s => s.NeedToKnow).FirstOrDefaultAsync(s => s.Id == item.SituationId, cancellationToken);
        var now = Now;
        if (situation is null || SituationRules.AccessOf(situation, actor, now) != AccessLevel.Content)
        {
            // Rewriting who was present for an item one may not see would cut its minutes off from those who were.
            await DenyAsync(actor, item.SituationCode, meeting.Id, "attendance write refused: item not visible", cancellationToken);
            throw new MeetingProblem(StatusCodes.Status404NotFound, "Point introuvable.");
        }

        var language = Languages.FromTag(actor.PreferredLanguage);
        var allowed = MayAttend(await AttendeesAsync(meeting, cancellationToken), situation, now).ToHashSet();
        var errors = new Dictionary<string, string[]>();
        foreach (var (person, index) in (present ?? []).Select((p, i) => (p, i)))
        {
            if (!allowed.Contains(person))
            {
                errors[$"present[{index}]"] = [meeting.Attendees.Any(a => a.PersonId == person) ? AttendanceTexts.NoAccess(language) : AttendanceTexts.NotInvited(language)];
            }
        }

        if (errors.Count > 0)
        {
            MeetingsLog.AttendanceRefused(logger, meeting.Id, errors.Count);
            throw new MeetingProblem(StatusCodes.Status400BadRequest, AttendanceTexts.Title(language), errors);
        }

        var people = (present ?? []).Distinct().ToList();

        item.PresentPersonIds = people;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await AuditAsync(actor, AuditAction.Change, item.SituationCode, meeting.Id, "attendance recorded", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await GetAgendaAsync(actor, id, cancellationToken);
    }

    /// <summary>The attendee acknowledges the shared-secrecy duty for this meeting (scope <c>meeting:{id}</c>).</summary>
    public async Task<SecrecyView> AcknowledgeSecrecyAsync(DirectoryPerson actor, Guid id, CancellationToken cancellationToken)
    {
        var meeting = await LoadVisibleAsync(actor, id, tracked: true, cancellationToken);
        var attendee = meeting.Attendees.FirstOrDefault(a => a.PersonId == actor.Id)
            ?? throw await RefuseAsync(actor, null, meeting.Id, "meeting secrecy refused: not invited", "Seules les personnes invitées reconnaissent le secret pour cette réunion.", cancellationToken);
        var (acknowledgement, _) = await secrecy.AcknowledgeAsync(actor, $"meeting:{meeting.Id}", SecrecyCards.TextVersion, cancellationToken);
        if (attendee.SecrecyAcknowledgedAt is null)
        {
            attendee.SecrecyAcknowledgedAt = acknowledgement.AcknowledgedAt;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SecrecyView(meeting.Id, attendee.SecrecyAcknowledgedAt.Value);
    }

    /// <summary>
    /// Saves an item's decision minutes and, in the same transaction, its situation's new actions and next review
    /// (the situation's own rules: included, review in the future and within the maximum interval). Only someone
    /// present for the item who may write minutes (secretary, coordination) and sees the situation.
    /// </summary>
    public async Task<MinutesView> SaveMinutesAsync(DirectoryPerson actor, Guid id, Guid itemId, MinutesInput input, CancellationToken cancellationToken)
    {
        if (!IsCoordination(actor) && !actor.HasRole(DirectoryRole.Secretary))
        {
            throw await RefuseAsync(actor, null, id, "minutes write refused", "Les décisions sont consignées par le secrétariat ou la coordination.", cancellationToken);
        }

        var meeting = await LoadVisibleAsync(actor, id, tracked: true, cancellationToken);
        var item = meeting.Items.FirstOrDefault(i => i.Id == itemId) ?? throw new MeetingProblem(StatusCodes.Status404NotFound, "Point introuvable.");
        var situation = await db.Set<Situation>().Include(s => s.NeedToKnow).Include(s => s.Actions).Include(s => s.Reviews).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == item.SituationId, cancellationToken);
        var now = Now;
        if (!item.PresentPersonIds.Contains(actor.Id) || situation is null || SituationRules.AccessOf(situation, actor, now) != AccessLevel.Content)
        {
            await DenyAsync(actor, item.SituationCode, meeting.Id, "minutes write refused", cancellationToken);
            throw new MeetingProblem(StatusCodes.Status404NotFound, "Point introuvable.");
        }

        await RequireSecrecyAcknowledgedAsync(meeting, actor, item.SituationCode, "minutes write refused: secrecy not acknowledged", cancellationToken);
        if (situation.Status != SituationStatus.Included)
        {
            throw new MeetingProblem(StatusCodes.Status409Conflict, "La situation n'est pas (ou plus) suivie par la cellule.");
        }

        if (input.Decision is { Length: > MeetingItem.MaxDecisionLength })
        {
            throw MeetingProblem.Invalid("decision", "La décision est trop longue.");
        }

        var max = situationsOptions.Value.MaxReviewInterval;
        var next = input.NextReviewAt?.ToUniversalTime() ?? now + max;
        if (next <= now || next > now + max)
        {
            throw MeetingProblem.Invalid("nextReviewAt", $"La prochaine réévaluation doit avoir lieu dans les {max.TotalDays:0} jours.");
        }

        var actions = new List<SituationAction>();
        foreach (var action in input.Actions ?? [])
        {
            if (string.IsNullOrWhiteSpace(action.Description) || action.Description.Length > Situation.MaxShortTextLength)
            {
                throw MeetingProblem.Invalid("actions", "Décrivez chaque action (400 caractères au plus).");
            }

            if (action.OwnerOrganisationId is not { } owner || await directory.GetOrganisationAsync(owner, cancellationToken) is null)
            {
                throw MeetingProblem.Invalid("actions", "Organisation responsable inconnue.");
            }

            if (action.DueDate is not { } due)
            {
                throw MeetingProblem.Invalid("actions", "Une échéance est requise pour chaque action.");
            }

            actions.Add(new SituationAction
            {
                Id = Guid.NewGuid(),
                SituationId = situation.Id,
                Description = action.Description.Trim(),
                OwnerOrganisationId = owner,
                DueDate = due,
                Status = ActionStatus.Planned,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        // Last, once the minutes are valid: free text that looks personal waits for the writer's confirmation (422).
        var personal = PersonalDataCheck.For(time).Add("decision", input.Decision);
        foreach (var (action, index) in (input.Actions ?? []).Select((a, i) => (a, i)))
        {
            personal.Add($"actions[{index}].description", action.Description);
        }

        personal.ThrowUnlessConfirmed(input.PersonalDataConfirmed, Languages.FromTag(actor.PreferredLanguage));

        situation.Actions.AddRange(actions);
        situation.NextReviewAt = next;
        situation.Reviews.Add(new SituationReview
        {
            Id = Guid.NewGuid(),
            SituationId = situation.Id,
            Kind = ReviewKind.Review,
            HeldAt = now,
            ReviewedBy = actor.Id,
            Notes = "Réunion de concertation de cas",
            NextReviewAt = next,
        });
        situation.Version++;
        item.Decision = string.IsNullOrWhiteSpace(input.Decision) ? null : input.Decision.Trim();
        item.Consensus = input.Consensus;
        item.NextReviewAt = next;
        item.ActionIds = [.. item.ActionIds, .. actions.Select(a => a.Id)];
        item.MinutesBy = actor.Id;
        item.MinutesAt = now;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await AuditAsync(actor, AuditAction.Change, situation.Code, meeting.Id, "minutes saved", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new MeetingProblem(StatusCodes.Status409Conflict, "La situation ou la réunion a été modifiée entre-temps ; rechargez.");
        }

        MeetingsLog.MinutesSaved(logger, meeting.Id, item.Id);
        return MinutesOf(item, situation);
    }

    /// <summary>An item's minutes: only for those present for it (and still on the situation's list).</summary>
    public async Task<MinutesView> GetMinutesAsync(DirectoryPerson actor, Guid id, Guid itemId, CancellationToken cancellationToken)
    {
        var meeting = await LoadVisibleAsync(actor, id, tracked: false, cancellationToken);
        var item = meeting.Items.FirstOrDefault(i => i.Id == itemId) ?? throw new MeetingProblem(StatusCodes.Status404NotFound, "Point introuvable.");
        var situation = await db.Set<Situation>().AsNoTracking().Include(s => s.NeedToKnow).Include(s => s.Actions).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == item.SituationId, cancellationToken);
        if (!item.PresentPersonIds.Contains(actor.Id) || situation is null || SituationRules.AccessOf(situation, actor, Now) != AccessLevel.Content)
        {
            await DenyAsync(actor, item.SituationCode, meeting.Id, "minutes read refused", cancellationToken);
            throw MeetingProblem.Forbidden("Le relevé de décisions d'un point n'est visible que par les personnes présentes.");
        }

        await RequireSecrecyAcknowledgedAsync(meeting, actor, item.SituationCode, "minutes read refused: secrecy not acknowledged", cancellationToken);
        await AuditAsync(actor, AuditAction.View, situation.Code, meeting.Id, "minutes", cancellationToken);
        return MinutesOf(item, situation);
    }

    /// <summary>Each attendee's answer to the invitation, as Outlook has it (the coordinator sees who has not accepted).</summary>
    public async Task<IReadOnlyList<AttendeeResponseView>> GetResponsesAsync(DirectoryPerson actor, Guid id, CancellationToken cancellationToken)
    {
        await RequireCoordinationAsync(actor, id, "meeting responses refused", cancellationToken);
        var meeting = await LoadVisibleAsync(actor, id, tracked: false, cancellationToken);
        if (meeting.EventId is null)
        {
            throw new MeetingProblem(StatusCodes.Status409Conflict, "La réunion n'est pas encore dans le calendrier ; réessayez l'envoi.");
        }

        IReadOnlyList<AttendeeResponse> responses;
        try
        {
            responses = await graph.GetAttendeeResponsesAsync(CalendarOwner.User(meeting.Organizer), meeting.EventId, cancellationToken);
        }
        catch (GraphGatewayException e)
        {
            MeetingsLog.ResponsesUnavailable(logger, meeting.Id, e.Kind);
            throw new MeetingProblem(StatusCodes.Status503ServiceUnavailable, "Les réponses d'Outlook sont indisponibles ; réessayez plus tard.");
        }

        var views = new List<AttendeeResponseView>();
        foreach (var attendee in meeting.Attendees)
        {
            var person = await directory.GetPersonAsync(attendee.PersonId, cancellationToken);
            var isOrganizer = person is not null && (string.Equals(person.EntraObjectId.ToString(), meeting.Organizer, StringComparison.OrdinalIgnoreCase)
                || string.Equals(person.Email, meeting.Organizer, StringComparison.OrdinalIgnoreCase));
            var answer = responses.FirstOrDefault(r => person?.Email is { } email && string.Equals(r.Address, email, StringComparison.OrdinalIgnoreCase));
            views.Add(new AttendeeResponseView(
                attendee.PersonId,
                (isOrganizer ? MeetingResponse.Organizer : answer?.Response ?? MeetingResponse.None).ToString(),
                answer?.RespondedAt,
                attendee.SecrecyAcknowledgedAt is not null));
        }

        return views;
    }

    // ---------------------------------------------------------------- Graph

    /// <summary>
    /// Sends to Graph what it has not received, if no other instance is doing it (the meeting's lease, claimed with a
    /// conditional UPDATE). Someone else working on it: nothing happens here, the background job follows up.
    /// </summary>
    private async Task<bool> SyncAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var token = await TryClaimSyncAsync(meeting.Id, cancellationToken);
        if (token is null)
        {
            return false;
        }

        try
        {
            await SyncClaimedAsync(meeting, cancellationToken);
        }
        finally
        {
            await SyncLease.ReleaseAsync(db.Set<Meeting>().Where(m => m.Id == meeting.Id), token, null, CancellationToken.None);
        }

        return true;
    }

    /// <summary>Claims the meeting's Graph step for this call; returns the lease token, or null when another holds it.</summary>
    private async Task<string?> TryClaimSyncAsync(Guid id, CancellationToken cancellationToken)
    {
        var token = Lease<Meeting>.NewToken();
        return await SyncLease.TryClaimAsync(db.Set<Meeting>().Where(m => m.Id == id), token, Now, options.Value.Lease, cancellationToken) ? token : null;
    }

    /// <summary>The lease on a meeting's Graph step.</summary>
    private static readonly Lease<Meeting> SyncLease = new(m => m.SyncLeaseOwner, m => m.SyncLeaseUntil);

    /// <summary>
    /// The background job's pass: claims the meetings whose automatic retry is due (one conditional UPDATE each, so
    /// several instances never work the same meeting) and sends them to Graph again. Returns how many it worked.
    /// </summary>
    public async Task<int> RetryDuePassAsync(int batchSize, CancellationToken cancellationToken)
    {
        var now = Now;
        var due = await db.Set<Meeting>().AsNoTracking()
            .Where(m => m.SyncState != MeetingSyncState.Synced && m.NextSyncAt != null && m.NextSyncAt <= now)
            .Where(SyncLease.FreeAt(now))
            .OrderBy(m => m.NextSyncAt)
            .Select(m => m.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        var worked = 0;
        foreach (var id in due.OrderBy(_ => Random.Shared.Next()))
        {
            var token = await TryClaimSyncAsync(id, cancellationToken);
            if (token is null)
            {
                continue;
            }

            try
            {
                db.ChangeTracker.Clear();
                var meeting = await db.Set<Meeting>().AsNoTracking().Include(m => m.Attendees).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
                if (meeting is not null && meeting.SyncState != MeetingSyncState.Synced)
                {
                    await SyncClaimedAsync(meeting, cancellationToken);
                    worked++;
                }
            }
            finally
            {
                await SyncLease.ReleaseAsync(db.Set<Meeting>().Where(m => m.Id == id), token, null, CancellationToken.None);
            }
        }

        return worked;
    }

    /// <summary>
    /// The Graph step of a claimed meeting. Outcomes are written with UPDATEs that do not depend on the tracked entity:
    /// the event id as soon as Graph created the event (a retry never creates a second one), the rest only if the
    /// meeting did not change meanwhile (otherwise it is due again at once, to send the newer times or attendees).
    /// </summary>
    private async Task SyncClaimedAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var owner = CalendarOwner.User(meeting.Organizer);
        var version = meeting.Version;
        meeting.SyncAttempts++;
        try
        {
            if (meeting.Status == MeetingStatus.Cancelled)
            {
                if (meeting.EventId is not null)
                {
                    await graph.CancelMeetingAsync(owner, meeting.EventId, "Cette réunion est annulée.", cancellationToken);
                }
            }
            else
            {
                if (meeting.EventId is null)
                {
                    var created = await graph.CreateMeetingAsync(owner, await RequestAsync(meeting, cancellationToken), cancellationToken);
                    meeting.EventId = created.EventId;
                    meeting.JoinUrl = created.JoinUrl;
                    meeting.NeedsUpdate = false;
                    meeting.SettingsApplied = false;

                    // The event exists now: remember it before anything else can fail, so a retry never creates a second one.
                    await db.Set<Meeting>().Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(
                        s => s.SetProperty(m => m.EventId, created.EventId).SetProperty(m => m.JoinUrl, created.JoinUrl).SetProperty(m => m.SettingsApplied, false),
                        cancellationToken);
                }
                else if (meeting.NeedsUpdate)
                {
                    var updated = await graph.UpdateMeetingAsync(owner, meeting.EventId, await RequestAsync(meeting, cancellationToken), cancellationToken);
                    meeting.JoinUrl = updated.JoinUrl ?? meeting.JoinUrl;
                    meeting.NeedsUpdate = false;
                }

                if (!meeting.SettingsApplied && meeting.JoinUrl is not null)
                {
                    await onlineMeetings.ApplyConfidentialMeetingSettingsAsync(meeting.Organizer, meeting.JoinUrl, cancellationToken);
                    meeting.SettingsApplied = true;
                }
            }

            meeting.SyncState = MeetingSyncState.Synced;
            meeting.SyncProblem = null;
            meeting.SyncFailure = null;
            meeting.NextSyncAt = null;
            MeetingsLog.Synced(logger, meeting.Id);
        }
        catch (GraphGatewayException e)
        {
            meeting.SyncState = MeetingSyncState.ToRetry;
            meeting.SyncProblem = ProblemText(e.Kind);
            meeting.SyncFailure = e.Kind.ToString();
            meeting.NextSyncAt = meeting.SyncAttempts >= options.Value.MaxSyncAttempts ? null : Now + RetryDelay(meeting.SyncAttempts, e.RetryAfter);
            MeetingsLog.SyncFailed(logger, meeting.Id, e.Kind, meeting.SyncAttempts);
        }

        var written = await db.Set<Meeting>().Where(m => m.Id == meeting.Id && m.Version == version).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.JoinUrl, meeting.JoinUrl)
                .SetProperty(m => m.NeedsUpdate, meeting.NeedsUpdate)
                .SetProperty(m => m.SettingsApplied, meeting.SettingsApplied)
                .SetProperty(m => m.SyncState, meeting.SyncState)
                .SetProperty(m => m.SyncProblem, meeting.SyncProblem)
                .SetProperty(m => m.SyncFailure, meeting.SyncFailure)
                .SetProperty(m => m.SyncAttempts, meeting.SyncAttempts)
                .SetProperty(m => m.NextSyncAt, meeting.NextSyncAt),
            CancellationToken.None);
        if (written == 0)
        {
            // Rescheduled or cancelled while Graph was called: send the newer state at once.
            var now = Now;
            await db.Set<Meeting>().Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.NeedsUpdate, m => m.EventId != null)
                    .SetProperty(m => m.SyncState, MeetingSyncState.Pending)
                    .SetProperty(m => m.SyncAttempts, meeting.SyncAttempts)
                    .SetProperty(m => m.NextSyncAt, now),
                CancellationToken.None);
            meeting.SyncState = MeetingSyncState.Pending;
        }

        var entry = db.Entry(meeting);
        if (entry.State != EntityState.Detached)
        {
            // What is in memory is what was written: nothing left for a later SaveChanges (Unchanged alone would revert it).
            entry.OriginalValues.SetValues(entry.CurrentValues);
            entry.State = EntityState.Unchanged;
        }
    }

    private TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        var settings = options.Value;
        var backoff = settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20)) * (0.8 + (Random.Shared.NextDouble() * 0.4));
        var delay = TimeSpan.FromMilliseconds(Math.Min(backoff, settings.RetryMaxDelay.TotalMilliseconds));
        return retryAfter is { } after && after > delay ? after : delay;
    }

    /// <summary>A fixed French phrase per kind of failure (never Graph's own message, which can name people).</summary>
    public static string ProblemText(GraphFailure failure) => failure switch
    {
        GraphFailure.Throttled or GraphFailure.Transient => "Outlook et Teams sont momentanément indisponibles ; un nouvel essai automatique est prévu.",
        GraphFailure.Forbidden or GraphFailure.Unauthorized => "L'application n'a pas l'autorisation d'écrire dans ce calendrier ; prévenez l'administrateur puis réessayez.",
        GraphFailure.NotFound => "Le calendrier ou l'événement est introuvable dans Outlook ; vérifiez la boîte de l'organisateur puis réessayez.",
        _ => "Outlook a refusé la réunion ; réessayez ou prévenez l'administrateur.",
    };

    private async Task<CalendarMeetingRequest> RequestAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var addresses = new List<string>();
        foreach (var attendee in meeting.Attendees)
        {
            if (await directory.GetPersonAsync(attendee.PersonId, cancellationToken) is { Active: true, Email: { Length: > 0 } email } person
                && !string.Equals(person.EntraObjectId.ToString(), meeting.Organizer, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(email, meeting.Organizer, StringComparison.OrdinalIgnoreCase))
            {
                addresses.Add(email);
            }
        }

        return MeetingInvite.Build(meeting, addresses, links.Meeting(meeting.Id).Outside);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Who puts situations on a case meeting's agenda: a referent or the coordination.</summary>
    internal static bool MayAddItems(DirectoryPerson actor) => actor.HasRole(DirectoryRole.Referent) || IsCoordination(actor);

    private static bool MayRecordAttendance(DirectoryPerson actor) => IsCoordination(actor) || actor.HasRole(DirectoryRole.Secretary);

    /// <summary>The meeting's attendees as the directory knows them now (active only).</summary>
    private async Task<List<DirectoryPerson>> AttendeesAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var people = new List<DirectoryPerson>();
        foreach (var attendee in meeting.Attendees)
        {
            if (await directory.GetPersonAsync(attendee.PersonId, cancellationToken) is { Active: true } person)
            {
                people.Add(person);
            }
        }

        return people;
    }

    /// <summary>Who may be present for an item: an attendee who sees its situation's content (on its list, or the Chair).</summary>
    private static List<Guid> MayAttend(IEnumerable<DirectoryPerson> attendees, Situation situation, DateTimeOffset now) =>
        [.. attendees.Where(p => SituationRules.AccessOf(situation, p, now) == AccessLevel.Content).Select(p => p.Id)];

    private async Task<Dictionary<Guid, Situation>> SituationsOfAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var ids = meeting.Items.Select(i => i.SituationId).ToList();
        return await db.Set<Situation>().AsNoTracking().Include(s => s.NeedToKnow)
            .Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
    }

    internal async Task<Meeting> LoadVisibleAsync(DirectoryPerson actor, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Set<Meeting>().Include(m => m.Attendees).Include(m => m.Items).AsSplitQuery();
        var meeting = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null || (!IsCoordination(actor) && meeting.Attendees.All(a => a.PersonId != actor.Id)))
        {
            await DenyAsync(actor, null, id, "meeting read refused", cancellationToken);
            throw MeetingProblem.NotFound();
        }

        return meeting;
    }

    private async Task<HashSet<Guid>> CheckAttendeesAsync(DirectoryPerson actor, IReadOnlyList<Guid>? ids, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<Guid>(ids ?? []) { actor.Id };
        foreach (var id in wanted)
        {
            if (await directory.GetPersonAsync(id, cancellationToken) is not { Active: true })
            {
                throw MeetingProblem.Invalid("attendeeIds", "Personne inconnue de l'annuaire ou inactive.");
            }
        }

        return wanted;
    }

    private (DateTimeOffset Start, DateTimeOffset End) CheckTimes(MeetingInput input, UserLanguage language)
    {
        if (input.StartAt is not { } start || input.EndAt is not { } end)
        {
            throw MeetingProblem.Invalid("startAt", "Précisez le début et la fin.");
        }

        if (start <= Now)
        {
            throw MeetingProblem.Invalid("startAt", "La réunion doit commencer dans le futur.");
        }

        if (!RequestDates.InRange(start) || !RequestDates.InRange(end))
        {
            throw MeetingProblem.Invalid(RequestDates.InRange(start) ? "endAt" : "startAt", InputTexts.DateOutOfRange(language));
        }

        if (end <= start || end - start > MaxDuration)
        {
            throw MeetingProblem.Invalid("endAt", "La fin doit suivre le début (8 heures au plus).");
        }

        return (start.ToUniversalTime(), end.ToUniversalTime());
    }

    private int CheckOccurrences(int? occurrences) => occurrences switch
    {
        null => options.Value.DefaultPlatformOccurrences,
        < 1 or > 60 => throw MeetingProblem.Invalid("occurrences", "Entre 1 et 60 occurrences."),
        { } n => n,
    };

    internal static void RequireScheduled(Meeting meeting)
    {
        if (meeting.Status != MeetingStatus.Scheduled)
        {
            throw new MeetingProblem(StatusCodes.Status409Conflict, "La réunion est annulée.");
        }
    }

    /// <summary>Minutes are secrets shared in this meeting: each participant acknowledges the duty for it first.</summary>
    private async Task RequireSecrecyAcknowledgedAsync(Meeting meeting, DirectoryPerson actor, string? code, string purpose, CancellationToken cancellationToken)
    {
        if (meeting.Attendees.FirstOrDefault(a => a.PersonId == actor.Id)?.SecrecyAcknowledgedAt is null)
        {
            throw await RefuseAsync(actor, code, meeting.Id, purpose, SecrecyFirst, cancellationToken);
        }
    }

    /// <summary>What a person reads when they must acknowledge the shared secrecy of the meeting first.</summary>
    internal const string SecrecyFirst = "Reconnaissez d'abord le secret professionnel partagé pour cette réunion.";

    private static bool IsCoordination(DirectoryPerson actor) => actor.HasRole(DirectoryRole.Coordinator) || actor.HasRole(DirectoryRole.Chair);

    private async Task RequireCoordinationAsync(DirectoryPerson actor, Guid? meetingId, string purpose, CancellationToken cancellationToken)
    {
        if (!IsCoordination(actor))
        {
            throw await RefuseAsync(actor, null, meetingId, purpose, "Réservé à la coordination.", cancellationToken);
        }
    }

    private async Task SaveChangeAsync(DirectoryPerson actor, Meeting meeting, string purpose, CancellationToken cancellationToken)
    {
        meeting.UpdatedAt = Now;
        meeting.Version++;
        meeting.SyncState = MeetingSyncState.Pending;
        meeting.NextSyncAt = Now;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await AuditAsync(actor, AuditAction.Change, null, meeting.Id, purpose, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new MeetingProblem(StatusCodes.Status409Conflict, "La réunion a été modifiée entre-temps ; rechargez-la.");
        }

        MeetingsLog.Changed(logger, meeting.Id, meeting.Kind, purpose);
    }

    internal Task AuditAsync(DirectoryPerson actor, AuditAction action, string? code, Guid meetingId, string purpose, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord(actor.EntraObjectId.ToString(), RoleText(actor), action, code, AuditTarget, meetingId.ToString(), purpose), cancellationToken);

    internal Task DenyAsync(DirectoryPerson actor, string? code, Guid? meetingId, string purpose, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            new AuditRecord(actor.EntraObjectId.ToString(), RoleText(actor), AuditAction.Denied, code, AuditTarget, meetingId?.ToString(), purpose, AuditOutcome.Denied),
            cancellationToken);

    /// <summary>Audits a refusal of access (Denied, what was refused, no content) and gives the 403 to throw.</summary>
    internal async Task<MeetingProblem> RefuseAsync(DirectoryPerson actor, string? code, Guid? meetingId, string purpose, string title, CancellationToken cancellationToken)
    {
        await DenyAsync(actor, code, meetingId, purpose, cancellationToken);
        return MeetingProblem.Forbidden(title);
    }

    private static string? RoleText(DirectoryPerson actor) => actor.Roles.Count == 0 ? null : string.Join(",", actor.Roles);

    internal static MeetingView View(Meeting m) => new(
        m.Id, m.Kind, m.Status, m.StartAt, m.EndAt, m.Occurrences, m.JoinUrl, m.SyncState, m.SyncProblem, m.Attendees.Select(a => a.PersonId).ToList(),
        m.SyncFailure, m.SyncAttempts, m.NextSyncAt);

    private static MinutesView MinutesOf(MeetingItem item, Situation situation) => new(
        item.Id,
        item.SituationCode,
        item.Decision,
        item.Consensus,
        item.NextReviewAt,
        [.. situation.Actions.Where(a => item.ActionIds.Contains(a.Id)).Select(a => new MinutesActionView(a.Id, a.Description, a.OwnerOrganisationId, a.DueDate))],
        item.PresentPersonIds,
        item.MinutesAt);
}
