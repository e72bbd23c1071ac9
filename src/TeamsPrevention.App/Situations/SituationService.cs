using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Hosting;
using TeamsPrevention.App.PersonalData;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// A situation's whole life, with the need-to-know list checked on every read and change. Every read, change and
/// refusal is audited with the situation's code (never a name). A refused step throws <see cref="SituationProblem"/>
/// and changes nothing; a change and its audit entry commit together.
/// </summary>
public sealed class SituationService(
    AppDbContext db,
    AuditLog audit,
    DirectoryService directory,
    IdentityProtector protector,
    SituationNotifier notifier,
    IOptions<SituationsOptions> options,
    TimeProvider time,
    ILogger<SituationService> logger)
{
    private const int MaxCodeAttempts = 8;
    private readonly SituationsOptions _options = options.Value;

    private DateTimeOffset Now => time.GetUtcNow();

    // ---------------------------------------------------------------- reads

    /// <summary>The situations the person may know (Chair, Admin and DPO: all; others: their lists). Each listed one is audited.</summary>
    public async Task<IReadOnlyList<SituationSummary>> ListAsync(DirectoryPerson actor, CancellationToken cancellationToken)
    {
        var now = Now;
        var query = SituationRules.WhereMayKnow(db.Set<Situation>().AsNoTracking().Include(s => s.NeedToKnow), actor, now);
        var situations = await query.OrderBy(s => s.Code).ToListAsync(cancellationToken);
        var visible = situations.Where(s => SituationRules.AccessOf(s, actor, now) != AccessLevel.None).ToList();
        if (visible.Count > 0)
        {
            // One entry per situation shown, appended together: one transaction and one read of the chain's head,
            // not one of each per situation (a list of 1,000 took seconds on SQLite that way).
            var role = RoleText(actor);
            await audit.RecordManyAsync(
                [.. visible.Select(s => new AuditRecord(actor.EntraObjectId.ToString(), role, AuditAction.View, s.Code, "Situation", null, "list"))],
                cancellationToken);
        }

        return [.. visible.Select(s => Summary(s, SituationRules.AccessOf(s, actor, now), now))];
    }

    /// <summary>One situation: content if on the list (or Chair), metadata for Admin and DPO, 404 for everyone else.</summary>
    public async Task<SituationDetail> GetAsync(DirectoryPerson actor, string code, CancellationToken cancellationToken)
    {
        var situation = await LoadAsync(code, tracked: false, cancellationToken);
        var access = await CheckReadAsync(actor, situation, code, cancellationToken);
        await AuditAsync(actor, AuditAction.View, situation!.Code, "Situation", access == AccessLevel.Content ? "detail" : "metadata", cancellationToken);
        return await DetailAsync(situation, access, actor, cancellationToken);
    }

    public IReadOnlyList<AlertIndicator> Indicators => _options.EffectiveIndicators;

    public bool IndicatorsAreExample => _options.IndicatorsAreExample;

    // ---------------------------------------------------------------- signal

    /// <summary>Records a signal. Nothing is mandatory for a partner (source defaults to their organisation, date to today).</summary>
    public async Task<SituationSummary> ReportAsync(DirectoryPerson actor, SignalInput input, CancellationToken cancellationToken)
    {
        if (!SituationRules.RoleMay(SituationStep.Report, actor))
        {
            await DenyAsync(actor, null, SituationStep.Report, 403, cancellationToken);
            throw SituationProblem.Forbidden("Seuls les membres de la cellule et les partenaires peuvent signaler.");
        }

        var now = Now;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Brussels).DateTime);
        var signalDate = input.SignalDate ?? today;
        if (signalDate > today)
        {
            throw SituationProblem.Invalid("signalDate", "La date ne peut pas être dans le futur.");
        }

        var source = input.SourceOrganisationId ?? actor.OrganisationId;
        if (await directory.GetOrganisationAsync(source, cancellationToken) is null)
        {
            throw SituationProblem.Invalid("sourceOrganisationId", "Organisation inconnue.");
        }

        CheckText(input.Text, "text", Situation.MaxTextLength);
        var indicators = new List<SituationIndicator>();
        foreach (var (observed, index) in (input.Indicators ?? []).Select((o, i) => (o, i)))
        {
            if (Indicators.All(i => i.Key != observed.Key))
            {
                throw SituationProblem.Invalid($"indicators[{index}].key", "Indicateur absent de la liste de la ville.");
            }

            if (string.IsNullOrWhiteSpace(observed.Evidence))
            {
                throw SituationProblem.Invalid($"indicators[{index}].evidence", "Chaque indicateur observé demande un élément concret (ce qui a été vu ou entendu).");
            }

            CheckText(observed.Evidence, $"indicators[{index}].evidence", Situation.MaxTextLength);
            indicators.Add(new SituationIndicator
            {
                Id = Guid.NewGuid(),
                IndicatorKey = observed.Key!,
                Evidence = observed.Evidence.Trim(),
                ObservedBy = actor.Id,
                RecordedAt = now,
            });
        }

        var identity = CheckIdentity(input.Identity);
        var personal = PersonalDataCheck.For(time).Add("text", input.Text);
        foreach (var (indicator, index) in indicators.Select((i, n) => (i, n)))
        {
            personal.Add($"indicators[{index}].evidence", indicator.Evidence);
        }

        // Last, once everything else is valid: confirming the warning must not lead to another refusal.
        personal.ThrowUnlessConfirmed(input.PersonalDataConfirmed, LanguageOf(actor), identityFields: true);
        var referents = await directory.GetPeopleWithRoleAsync(DirectoryRole.Referent, cancellationToken);
        var referentId = actor.HasRole(DirectoryRole.Referent) ? actor.Id : referents.FirstOrDefault()?.Id;
        for (var attempt = 1; ; attempt++)
        {
            var code = SituationCodes.Next();
            if (await db.Set<Situation>().AnyAsync(s => s.Code == code, cancellationToken)
                || await db.Set<DeletionRecord>().AnyAsync(d => d.Code == code, cancellationToken))
            {
                SituationsLog.CodeCollision(logger);
                continue;
            }

            var situation = new Situation
            {
                Id = Guid.NewGuid(),
                Code = code,
                Status = SituationStatus.Signalled,
                SourceOrganisationId = source,
                SignalDate = signalDate,
                SignalText = Trim(input.Text),
                ReportedBy = actor.Id,
                CreatedAt = now,
                ReferentId = referentId,
                ChannelState = ChannelState.None,
                RetentionUntil = now + _options.UndecidedRetention,
            };
            foreach (var indicator in indicators)
            {
                situation.Indicators.Add(new SituationIndicator
                {
                    Id = indicator.Id,
                    SituationId = situation.Id,
                    IndicatorKey = indicator.IndicatorKey,
                    Evidence = indicator.Evidence,
                    ObservedBy = indicator.ObservedBy,
                    RecordedAt = indicator.RecordedAt,
                });
            }

            var partner = !actor.Roles.Any(r => r is DirectoryRole.Chair or DirectoryRole.Coordinator or DirectoryRole.Referent or DirectoryRole.PoliceReferent);
            situation.NeedToKnow.Add(new NeedToKnowEntry
            {
                SituationId = situation.Id,
                PersonId = actor.Id,
                GrantedBy = actor.Id,
                GrantedAt = now,
                ExpiresAt = partner ? now + _options.PartnerAccess : null,
            });
            foreach (var referent in referents.Where(r => r.Id != actor.Id))
            {
                situation.NeedToKnow.Add(new NeedToKnowEntry { SituationId = situation.Id, PersonId = referent.Id, GrantedBy = actor.Id, GrantedAt = now });
            }

            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.Add(situation);
                if (identity.Count > 0)
                {
                    var row = new SituationIdentity { SituationId = situation.Id, KeyId = "", Nonce = [], Ciphertext = [], Tag = [], UpdatedAt = now };
                    protector.Seal(row, situation.Id, identity);
                    db.Add(row);
                }

                await db.SaveChangesAsync(cancellationToken);
                await AuditAsync(actor, AuditAction.Change, code, "Situation", "signal recorded", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxCodeAttempts)
            {
                db.ChangeTracker.Clear();
                SituationsLog.CodeCollision(logger);
                continue;
            }

            db.ChangeTracker.Clear();
            SituationsLog.Reported(logger, code);
            return Summary(situation, AccessLevel.Content, now);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    public Task<SituationDetail> StartScreeningAsync(DirectoryPerson actor, string code, CancellationToken cancellationToken) =>
        StepAsync(actor, code, SituationStep.StartScreening, "screening started", (s, now) =>
        {
            s.Status = SituationStatus.Screening;
            s.ReferentId ??= actor.Id;
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The Chair includes the person on the case list; the first review date is set (default: the longest allowed).</summary>
    public Task<SituationDetail> IncludeAsync(DirectoryPerson actor, string code, DateTimeOffset? nextReviewAt, CancellationToken cancellationToken) =>
        StepAsync(actor, code, SituationStep.Include, "inclusion decided", (s, now) =>
        {
            s.Status = SituationStatus.Included;
            s.DecidedAt = now;
            s.DecidedBy = actor.Id;
            s.RetentionUntil = null;
            s.NextReviewAt = CheckNextReview(nextReviewAt, now);
            if (_options.ChannelOnInclusion && !string.IsNullOrWhiteSpace(_options.CellTeamId))
            {
                RequestChannel(s, now);
            }

            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The Chair decides no further action, or refers to a regular service (named).</summary>
    public Task<SituationDetail> DeclineAsync(DirectoryPerson actor, string code, string? referredTo, CancellationToken cancellationToken) =>
        StepAsync(actor, code, SituationStep.Decline, referredTo is null ? "no further action" : "referred to regular services", (s, now) =>
        {
            CheckText(referredTo, "referredTo", Situation.MaxShortTextLength);
            s.Status = SituationStatus.Declined;
            s.DecidedAt = now;
            s.DecidedBy = actor.Id;
            s.ReferredTo = Trim(referredTo);
            s.RetentionUntil = now + _options.DeclinedRetention;
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<SituationDetail> AddActionAsync(DirectoryPerson actor, string code, ActionInput input, CancellationToken cancellationToken) =>
        StepAsync(actor, code, SituationStep.PlanAction, "action planned", async (s, now) =>
        {
            if (string.IsNullOrWhiteSpace(input.Description))
            {
                throw SituationProblem.Invalid("description", "Décrivez l'action.");
            }

            CheckText(input.Description, "description", Situation.MaxShortTextLength);
            if (input.OwnerOrganisationId is not { } owner || await directory.GetOrganisationAsync(owner, cancellationToken) is null)
            {
                throw SituationProblem.Invalid("ownerOrganisationId", "Organisation responsable inconnue.");
            }

            if (input.DueDate is not { } due)
            {
                throw SituationProblem.Invalid("dueDate", "Une échéance est requise.");
            }

            PersonalDataCheck.For(time).Add("description", input.Description).ThrowUnlessConfirmed(input.PersonalDataConfirmed, LanguageOf(actor));

            s.Actions.Add(new SituationAction
            {
                Id = Guid.NewGuid(),
                SituationId = s.Id,
                Description = input.Description.Trim(),
                OwnerOrganisationId = owner,
                DueDate = due,
                Status = ActionStatus.Planned,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }, cancellationToken);

    /// <summary>Changes an action's status (a partner only for actions of their own organisation).</summary>
    public Task<SituationDetail> UpdateActionAsync(DirectoryPerson actor, string code, Guid actionId, ActionStatus status, CancellationToken cancellationToken) =>
        StepAsync(actor, code, SituationStep.UpdateAction, "action updated", (s, now) =>
        {
            var action = s.Actions.FirstOrDefault(a => a.Id == actionId) ?? throw new SituationProblem(404, "Action introuvable.");
            if (!actor.HasRole(DirectoryRole.Referent) && !actor.HasRole(DirectoryRole.Coordinator) && action.OwnerOrganisationId != actor.OrganisationId)
            {
                throw SituationProblem.Forbidden("Un partenaire ne met à jour que les actions de son organisation.");
            }

            action.Status = status;
            action.UpdatedAt = now;
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Records a review (included: sets the next review date, always) or an after-care review (closed).</summary>
    public Task<SituationDetail> RecordReviewAsync(DirectoryPerson actor, string code, ReviewInput input, CancellationToken cancellationToken) =>
        StepAsync(actor, code, SituationStep.Review, "review recorded", (s, now) =>
        {
            CheckText(input.Notes, "notes", Situation.MaxTextLength);
            PersonalDataCheck.For(time).Add("notes", input.Notes).ThrowUnlessConfirmed(input.PersonalDataConfirmed, LanguageOf(actor));
            if (s.Status == SituationStatus.Closed)
            {
                if (s.AfterCareReviewsDone >= _options.EffectiveAfterCareMonths.Count)
                {
                    throw SituationProblem.WrongState(s.Status, "Suivi post-clôture (tous réalisés)");
                }

                s.AfterCareReviewsDone++;
                s.Reviews.Add(new SituationReview
                {
                    Id = Guid.NewGuid(),
                    SituationId = s.Id,
                    Kind = ReviewKind.AfterCare,
                    HeldAt = now,
                    ReviewedBy = actor.Id,
                    Notes = Trim(input.Notes),
                });
                return Task.CompletedTask;
            }

            var next = CheckNextReview(input.NextReviewAt, now);
            s.NextReviewAt = next;
            s.Reviews.Add(new SituationReview
            {
                Id = Guid.NewGuid(),
                SituationId = s.Id,
                Kind = ReviewKind.Review,
                HeldAt = now,
                ReviewedBy = actor.Id,
                Notes = Trim(input.Notes),
                NextReviewAt = next,
            });
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The Chair closes (removes from the case list) with a reason; retention starts; the channel goes per policy.</summary>
    public Task<SituationDetail> CloseAsync(DirectoryPerson actor, string code, string? reason, bool personalDataConfirmed, CancellationToken cancellationToken) =>
        StepAsync(actor, code, SituationStep.Close, "closed", (s, now) =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw SituationProblem.Invalid("reason", "Le motif de clôture est requis.");
            }

            CheckText(reason, "reason", Situation.MaxShortTextLength);
            PersonalDataCheck.For(time).Add("reason", reason).ThrowUnlessConfirmed(personalDataConfirmed, LanguageOf(actor));
            s.Status = SituationStatus.Closed;
            s.ClosedAt = now;
            s.ClosureReason = reason.Trim();
            s.NextReviewAt = null;
            s.RetentionUntil = now + _options.ClosedRetention;
            if (s.ChannelState is ChannelState.Requested or ChannelState.Active)
            {
                switch (_options.ChannelOnClosure)
                {
                    case ChannelClosurePolicy.Delete:
                        s.ChannelState = ChannelState.Removing;
                        s.ChannelSyncDueAt = now;
                        break;
                    case ChannelClosurePolicy.Archive when s.ChannelState == ChannelState.Active:
                        s.ChannelState = ChannelState.Archiving;
                        s.ChannelSyncDueAt = now;
                        break;
                    case ChannelClosurePolicy.Archive:
                        // Asked for but never created: there is nothing to archive, and nothing to create any more.
                        s.ChannelState = ChannelState.None;
                        s.ChannelSyncDueAt = null;
                        break;
                }
            }

            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Asks for the secure channel now (on demand); the worker creates it (idempotent).</summary>
    public Task<SituationDetail> RequestChannelAsync(DirectoryPerson actor, string code, CancellationToken cancellationToken) =>
        StepAsync(actor, code, SituationStep.RequestChannel, "channel requested", (s, now) =>
        {
            if (string.IsNullOrWhiteSpace(_options.CellTeamId))
            {
                throw new SituationProblem(409, "Aucune équipe de la cellule n'est configurée pour les canaux.");
            }

            RequestChannel(s, now);
            return Task.CompletedTask;
        }, cancellationToken);

    // ---------------------------------------------------------------- need-to-know

    /// <summary>Adds (or renews) a person on the list. Partners always get an expiry (default <see cref="SituationsOptions.PartnerAccess"/>).</summary>
    public Task<SituationDetail> GrantAsync(DirectoryPerson actor, string code, Guid personId, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        StepAsync(actor, code, SituationStep.EditNeedToKnow, "need-to-know: person added", async (s, now) =>
        {
            var person = await directory.GetPersonAsync(personId, cancellationToken);
            if (person is not { Active: true })
            {
                throw SituationProblem.Invalid("personId", "Personne inconnue ou inactive.");
            }

            if (SituationRules.IsMetadataOnly(person) || person.Roles.Count == 0)
            {
                throw SituationProblem.Invalid("personId", "Cette personne ne peut pas accéder au contenu des situations.");
            }

            if (expiresAt is { } e && e <= now)
            {
                throw SituationProblem.Invalid("expiresAt", "L'échéance doit être dans le futur.");
            }

            var onlyPartner = person.Roles.All(r => r == DirectoryRole.Partner);
            var expiry = expiresAt ?? (onlyPartner ? now + _options.PartnerAccess : null);
            var entry = s.NeedToKnow.FirstOrDefault(n => n.PersonId == personId);
            if (entry is null)
            {
                s.NeedToKnow.Add(new NeedToKnowEntry { SituationId = s.Id, PersonId = personId, GrantedBy = actor.Id, GrantedAt = now, ExpiresAt = expiry });
            }
            else
            {
                entry.ExpiresAt = expiry;
                entry.GrantedBy = actor.Id;
                entry.GrantedAt = now;
                entry.BreakGlass = false;
            }

            TouchChannel(s, now);
        }, cancellationToken);

    public Task<SituationDetail> RevokeAsync(DirectoryPerson actor, string code, Guid personId, CancellationToken cancellationToken) =>
        StepAsync(actor, code, SituationStep.EditNeedToKnow, "need-to-know: person removed", (s, now) =>
        {
            var entry = s.NeedToKnow.FirstOrDefault(n => n.PersonId == personId) ?? throw new SituationProblem(404, "Cette personne n'est pas sur la liste.");
            if (s.ReferentId == personId)
            {
                throw new SituationProblem(409, "Le référent qui suit la situation reste sur la liste.");
            }

            s.NeedToKnow.Remove(entry);
            TouchChannel(s, now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Out-of-scope access with a written reason: grants a short access, notifies the Chair and the DPO (content-free),
    /// and is audited as break-glass.
    /// </summary>
    public async Task<SituationDetail> BreakGlassAsync(DirectoryPerson actor, string code, string? reason, CancellationToken cancellationToken)
    {
        var situation = await LoadAsync(code, tracked: true, cancellationToken);
        var now = Now;
        if (situation is null || !SituationRules.RoleMay(SituationStep.BreakGlass, actor) || SituationRules.IsMetadataOnly(actor))
        {
            await DenyAsync(actor, situation?.Code ?? Sanitise(code), SituationStep.BreakGlass, situation is null ? 404 : 403, cancellationToken);
            throw situation is null ? SituationProblem.NotFound() : SituationProblem.Forbidden("Le bris de glace est réservé aux membres de la cellule.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10)
        {
            throw SituationProblem.Invalid("reason", "Un motif écrit (10 caractères au moins) est requis.");
        }

        CheckText(reason, "reason", AccessJustification.MaxReasonLength);
        var justification = new AccessJustification
        {
            Id = Guid.NewGuid(),
            SituationId = situation.Id,
            PersonId = actor.Id,
            Kind = JustificationKind.BreakGlass,
            Reason = reason.Trim(),
            At = now,
        };
        var entry = situation.NeedToKnow.FirstOrDefault(n => n.PersonId == actor.Id);
        if (entry is null)
        {
            situation.NeedToKnow.Add(new NeedToKnowEntry
            {
                SituationId = situation.Id,
                PersonId = actor.Id,
                GrantedBy = actor.Id,
                GrantedAt = now,
                ExpiresAt = now + _options.BreakGlassAccess,
                BreakGlass = true,
            });
        }
        else
        {
            entry.ExpiresAt = now + _options.BreakGlassAccess;
            entry.BreakGlass = true;
            entry.GrantedAt = now;
        }

        situation.Version++;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Add(justification);
            await db.SaveChangesAsync(cancellationToken);
            await AuditAsync(actor, AuditAction.BreakGlass, situation.Code, "Situation", $"break-glass reason {justification.Id}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        SituationsLog.BreakGlass(logger, situation.Code);
        var toTell = (await directory.GetPeopleWithRoleAsync(DirectoryRole.Chair, cancellationToken))
            .Concat(await directory.GetPeopleWithRoleAsync(DirectoryRole.Dpo, cancellationToken))
            .Select(p => p.EntraObjectId).Distinct().ToList();
        await notifier.NotifyAsync(situation.Code, toTell, SituationNotice.BreakGlass, cancellationToken);
        db.ChangeTracker.Clear();
        var reloaded = await LoadAsync(situation.Code, tracked: false, cancellationToken);
        return await DetailAsync(reloaded!, AccessLevel.Content, actor, cancellationToken);
    }

    // ---------------------------------------------------------------- identity

    public Task<SituationDetail> SetIdentityAsync(DirectoryPerson actor, string code, IDictionary<string, string?> fields, CancellationToken cancellationToken) =>
        StepAsync(actor, code, SituationStep.EditIdentity, "identity updated", async (s, now) =>
        {
            var row = await db.Set<SituationIdentity>().FirstOrDefaultAsync(i => i.SituationId == s.Id, cancellationToken);
            var current = row is null ? [] : protector.Open(row);
            foreach (var (key, value) in CheckIdentityChanges(fields))
            {
                if (value is null)
                {
                    current.Remove(key);
                }
                else
                {
                    current[key] = value;
                }
            }

            if (row is null)
            {
                row = new SituationIdentity { SituationId = s.Id, KeyId = "", Nonce = [], Ciphertext = [], Tag = [] };
                db.Add(row);
            }

            protector.Seal(row, s.Id, current);
            row.UpdatedAt = now;
        }, cancellationToken);

    /// <summary>Reveals the sealed fields to someone with content access, with a written reason; audited as a reveal.</summary>
    public async Task<IReadOnlyList<IdentityFieldView>> RevealIdentityAsync(DirectoryPerson actor, string code, string? reason, CancellationToken cancellationToken)
    {
        var situation = await LoadAsync(code, tracked: false, cancellationToken);
        var access = await CheckReadAsync(actor, situation, code, cancellationToken);
        if (access != AccessLevel.Content || !SituationRules.RoleMay(SituationStep.RevealIdentity, actor))
        {
            await DenyAsync(actor, situation!.Code, SituationStep.RevealIdentity, 403, cancellationToken);
            throw SituationProblem.Forbidden("Votre rôle ne permet pas de voir l'identité.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5)
        {
            throw SituationProblem.Invalid("reason", "Indiquez pourquoi vous devez voir l'identité.");
        }

        CheckText(reason, "reason", AccessJustification.MaxReasonLength);
        var justification = new AccessJustification
        {
            Id = Guid.NewGuid(),
            SituationId = situation!.Id,
            PersonId = actor.Id,
            Kind = JustificationKind.Reveal,
            Reason = reason.Trim(),
            At = Now,
        };
        var row = await db.Set<SituationIdentity>().AsNoTracking().FirstOrDefaultAsync(i => i.SituationId == situation.Id, cancellationToken);
        var values = row is null ? [] : protector.Open(row);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Add(justification);
            await db.SaveChangesAsync(cancellationToken);
            await AuditAsync(actor, AuditAction.Reveal, situation.Code, "Identity", $"reveal reason {justification.Id}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return [.. IdentityField.All.Where(f => values.ContainsKey(f.Key)).Select(f => new IdentityFieldView(f.Key, f.Category, f.LabelFr, true, values[f.Key]))];
    }

    /// <summary>
    /// Everything the situation holds about the person it is about, identity opened, for the DPO's subject-access export
    /// (GDPR art. 15) and nobody else: 404 (audited) for an unknown code, 403 (audited) for any other role. Opening the
    /// sealed fields is audited here as a reveal for the export; the export itself is audited by its caller.
    /// </summary>
    public async Task<SituationSubjectRecord> SubjectAccessAsync(DirectoryPerson actor, string code, CancellationToken cancellationToken)
    {
        var situation = await LoadAsync(code, tracked: false, cancellationToken);
        await CheckReadAsync(actor, situation, code, cancellationToken);
        if (!actor.HasRole(DirectoryRole.Dpo))
        {
            await DenyAsync(actor, situation!.Code, SituationStep.RevealIdentity, 403, cancellationToken);
            throw SituationProblem.Forbidden("Seul·e le ou la DPO établit l'export d'une demande d'accès.");
        }

        var row = await db.Set<SituationIdentity>().AsNoTracking().FirstOrDefaultAsync(i => i.SituationId == situation!.Id, cancellationToken);
        var values = row is null ? [] : protector.Open(row);
        await AuditAsync(actor, AuditAction.Reveal, situation!.Code, "Identity", "identity opened for a subject-access export", cancellationToken);
        var detail = await DetailAsync(situation, AccessLevel.Content, actor, cancellationToken);
        return new SituationSubjectRecord(
            detail with { Identity = [.. IdentityField.All.Where(f => values.ContainsKey(f.Key)).Select(f => new IdentityFieldView(f.Key, f.Category, f.LabelFr, true, values[f.Key]))] },
            situation.DecidedAt,
            situation.RetentionUntil,
            situation.ReportedBy);
    }

    // ---------------------------------------------------------------- plumbing

    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private async Task<SituationDetail> StepAsync(
        DirectoryPerson actor, string code, SituationStep step, string purpose, Func<Situation, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        var situation = await LoadAsync(code, tracked: true, cancellationToken);
        var access = await CheckReadAsync(actor, situation, code, cancellationToken);
        if (access != AccessLevel.Content || !SituationRules.RoleMay(step, actor))
        {
            await DenyAsync(actor, situation!.Code, step, 403, cancellationToken);
            throw SituationProblem.Forbidden($"Étape « {step} » réservée à : {string.Join(", ", SituationRules.RolesFor(step))}.");
        }

        if (!SituationRules.StatesFor(step).Contains(situation!.Status))
        {
            await DenyAsync(actor, situation.Code, step, 409, cancellationToken);
            throw SituationProblem.WrongState(situation.Status, step.ToString());
        }

        var now = Now;
        try
        {
            await change(situation, now);
            situation.Version++;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await AuditAsync(actor, AuditAction.Change, situation.Code, "Situation", purpose, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new SituationProblem(409, "La situation a été modifiée entre-temps ; rechargez-la.");
        }
        catch (ProblemException problem)
        {
            db.ChangeTracker.Clear();
            if (problem.Status == StatusCodes.Status403Forbidden)
            {
                // A rule of the step itself refused (a partner and another organisation's action): audited like the others.
                await DenyAsync(actor, situation.Code, step, problem.Status, cancellationToken);
            }

            throw;
        }

        SituationsLog.StepDone(logger, situation.Code, step);
        db.ChangeTracker.Clear();
        var reloaded = await LoadAsync(situation.Code, tracked: false, cancellationToken);
        return await DetailAsync(reloaded!, AccessLevel.Content, actor, cancellationToken);
    }

    private async Task<Situation?> LoadAsync(string code, bool tracked, CancellationToken cancellationToken)
    {
        var normalised = SituationCodes.Normalise(code);
        if (normalised is null)
        {
            return null;
        }

        var query = db.Set<Situation>().Include(s => s.NeedToKnow).Include(s => s.Indicators).Include(s => s.Actions).Include(s => s.Reviews).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(s => s.Code == normalised, cancellationToken);
    }

    /// <summary>404 (audited) for someone who may not know the situation; otherwise their access level.</summary>
    private async Task<AccessLevel> CheckReadAsync(DirectoryPerson actor, Situation? situation, string code, CancellationToken cancellationToken)
    {
        var access = situation is null ? AccessLevel.None : SituationRules.AccessOf(situation, actor, Now);
        if (access == AccessLevel.None)
        {
            await DenyAsync(actor, situation?.Code ?? Sanitise(code), null, 404, cancellationToken);
            throw SituationProblem.NotFound();
        }

        return access;
    }

    private async Task DenyAsync(DirectoryPerson actor, string? code, SituationStep? step, int status, CancellationToken cancellationToken)
    {
        if (step is { } s)
        {
            SituationsLog.StepRefused(logger, s, status);
        }

        await audit.RecordAsync(
            new AuditRecord(actor.EntraObjectId.ToString(), RoleText(actor), AuditAction.Denied, code, "Situation", null,
                $"{(step is null ? "read" : step.ToString())} refused ({status})", AuditOutcome.Denied),
            cancellationToken);
    }

    private Task AuditAsync(DirectoryPerson actor, AuditAction action, string code, string targetType, string purpose, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord(actor.EntraObjectId.ToString(), RoleText(actor), action, code, targetType, null, purpose), cancellationToken);

    /// <summary>Warnings are read by the writer, in the language the directory records for them.</summary>
    private static UserLanguage LanguageOf(DirectoryPerson actor) => Languages.FromTag(actor.PreferredLanguage);

    private static string? RoleText(DirectoryPerson actor) => actor.Roles.Count == 0 ? null : string.Join(",", actor.Roles);

    /// <summary>What was asked for, kept in the audit only if it looks like a code (never free text).</summary>
    private static string? Sanitise(string code) => SituationCodes.Normalise(code);

    private DateTimeOffset CheckNextReview(DateTimeOffset? requested, DateTimeOffset now)
    {
        var next = requested?.ToUniversalTime() ?? now + _options.MaxReviewInterval;
        if (next <= now)
        {
            throw SituationProblem.Invalid("nextReviewAt", "La prochaine réévaluation doit être dans le futur.");
        }

        if (next > now + _options.MaxReviewInterval)
        {
            throw SituationProblem.Invalid("nextReviewAt", $"La prochaine réévaluation doit avoir lieu dans les {_options.MaxReviewInterval.TotalDays:0} jours.");
        }

        return next;
    }

    private static void RequestChannel(Situation s, DateTimeOffset now)
    {
        if (s.ChannelState is ChannelState.None or ChannelState.Removed)
        {
            s.ChannelState = ChannelState.Requested;
            s.ChannelId = null;
        }

        s.ChannelSyncDueAt = now;
    }

    private static void TouchChannel(Situation s, DateTimeOffset now)
    {
        if (s.ChannelState is ChannelState.Requested or ChannelState.Active)
        {
            s.ChannelSyncDueAt = now;
        }
    }

    private static void CheckText(string? text, string field, int max)
    {
        if (text is not null && text.Length > max)
        {
            throw SituationProblem.Invalid(field, $"{max} caractères au plus.");
        }
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Dictionary<string, string> CheckIdentity(IDictionary<string, string?>? fields) =>
        CheckIdentityChanges(fields).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);

    private static List<KeyValuePair<string, string?>> CheckIdentityChanges(IDictionary<string, string?>? fields)
    {
        var result = new List<KeyValuePair<string, string?>>();
        foreach (var (key, value) in fields ?? new Dictionary<string, string?>())
        {
            if (IdentityField.Find(key) is null)
            {
                throw SituationProblem.Invalid($"identity.{key}", "Champ inconnu.");
            }

            CheckText(value, $"identity.{key}", IdentityField.MaxValueLength);
            result.Add(new(key, Trim(value)));
        }

        return result;
    }

    private SituationSummary Summary(Situation s, AccessLevel access, DateTimeOffset now)
    {
        var nextAfterCare = NextAfterCare(s);
        return new SituationSummary(
            s.Code,
            s.Status,
            access == AccessLevel.Content ? "content" : "metadata",
            s.CreatedAt,
            s.NextReviewAt,
            s.Status == SituationStatus.Included && s.NextReviewAt < now,
            nextAfterCare,
            nextAfterCare < now,
            s.ChannelState);
    }

    private string? ChannelLink(Situation s) =>
        s is { ChannelState: ChannelState.Active, ChannelId: { } id } && _options.CellTeamId is { Length: > 0 } team
            ? $"https://teams.microsoft.com/l/channel/{Uri.EscapeDataString(id)}/{Uri.EscapeDataString(s.ChannelName ?? s.Code)}?groupId={Uri.EscapeDataString(team)}"
            : null;

    private DateTimeOffset? NextAfterCare(Situation s) =>
        s is { Status: SituationStatus.Closed, ClosedAt: { } closed } && s.AfterCareReviewsDone < _options.EffectiveAfterCareMonths.Count
            ? closed.AddMonths(_options.EffectiveAfterCareMonths[s.AfterCareReviewsDone])
            : null;

    private async Task<SituationDetail> DetailAsync(Situation s, AccessLevel access, DirectoryPerson actor, CancellationToken cancellationToken)
    {
        var now = Now;
        var summary = Summary(s, access, now);
        if (access != AccessLevel.Content)
        {
            return new SituationDetail(summary, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        var language = actor.PreferredLanguage;
        var identityRow = await db.Set<SituationIdentity>().AsNoTracking().FirstOrDefaultAsync(i => i.SituationId == s.Id, cancellationToken);
        var present = identityRow is null ? [] : protector.Open(identityRow).Keys.ToHashSet();
        return new SituationDetail(
            summary,
            s.SourceOrganisationId,
            s.SignalDate,
            s.SignalText,
            [.. s.Indicators.OrderBy(i => i.RecordedAt).Select(i => new IndicatorView(
                i.IndicatorKey, Indicators.FirstOrDefault(x => x.Key == i.IndicatorKey)?.Label(language) ?? i.IndicatorKey, i.Evidence, i.ObservedBy, i.RecordedAt))],
            s.ReferentId,
            s.ReferredTo,
            s.ClosedAt,
            s.ClosureReason,
            [.. s.Actions.OrderBy(a => a.DueDate).Select(a => new ActionView(a.Id, a.Description, a.OwnerOrganisationId, a.DueDate, a.Status,
                a.Status is ActionStatus.Planned or ActionStatus.InProgress && a.DueDate < DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Brussels).DateTime)))],
            [.. s.Reviews.OrderBy(r => r.HeldAt).Select(r => new ReviewView(r.Id, r.Kind, r.HeldAt, r.ReviewedBy, r.Notes, r.NextReviewAt))],
            [.. s.NeedToKnow.OrderBy(n => n.GrantedAt).Select(n => new NeedToKnowView(n.PersonId, n.GrantedAt, n.ExpiresAt, n.BreakGlass, !n.IsValidAt(now)))],
            [.. IdentityField.All.Select(f => new IdentityFieldView(f.Key, f.Category, f.LabelFr, present.Contains(f.Key), present.Contains(f.Key) ? "••••••" : null))],
            s.ChannelProblem,
            ChannelLink(s));
    }
}
