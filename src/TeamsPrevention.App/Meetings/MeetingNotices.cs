using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Graph;
using TeamsPrevention.App.Situations;
using TeamsPrevention.App.Tab;

namespace TeamsPrevention.App.Meetings;

/// <summary>
/// Reminders (<see cref="MeetingsOptions.ReminderLead"/> before each occurrence, one card per attendee in their
/// personal chat with the bot) and the agenda card in the cell's channel (for the next occurrence). Each card is a
/// <see cref="MeetingNotice"/> row inserted before sending: the unique key is the "sent once" marker, the lease lets
/// another instance take over a send that crashed. Content-free cards only.
/// </summary>
public sealed class MeetingNotices(
    AppDbContext db,
    DirectoryService directory,
    BotMessenger messenger,
    GraphChannels graph,
    IOptions<MeetingsOptions> options,
    TabLinks links,
    IOptions<SituationsOptions> situationsOptions,
    TimeProvider time,
    ILogger<MeetingNotices> logger)
{
    public const string NoConversation = "NoConversation";
    public const string UnknownPerson = "UnknownPerson";
    public const string NoChannel = "NoChannel";
    public const string GeneralChannelName = "General";

    /// <summary>A notice's lease; a postponed notice keeps its end as the not-before time of its next attempt.</summary>
    private static readonly Lease<MeetingNotice> NoticeLease = new(n => n.LeaseOwner, n => n.LeaseUntil);

    private sealed record Target(Meeting Meeting, MeetingNoticeKind Kind, Guid PersonId, DateTimeOffset Start, DateTimeOffset End);

    /// <summary>One pass: every reminder and agenda card that is due and not yet sent; returns how many were sent.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var meetings = await db.Set<Meeting>().AsNoTracking().Include(m => m.Attendees).Include(m => m.Items).AsSplitQuery()
            .Where(m => m.Status == MeetingStatus.Scheduled && m.JoinUrl != null && (m.Kind == MeetingKind.Platform || m.EndAt > now))
            .ToListAsync(cancellationToken);
        var targets = new List<Target>();
        foreach (var meeting in meetings)
        {
            var occurrences = MeetingOccurrences.Of(meeting);
            foreach (var (start, end) in occurrences.Where(o => o.Start - settings.ReminderLead <= now && now < o.Start))
            {
                targets.AddRange(meeting.Attendees.Select(a => new Target(meeting, MeetingNoticeKind.Reminder, a.PersonId, start, end)));
            }

            if (settings.PostAgendaCard && occurrences.FirstOrDefault(o => o.Start > now) is { Start: var next, End: var nextEnd } && next != default)
            {
                targets.Add(new Target(meeting, MeetingNoticeKind.Agenda, Guid.Empty, next, nextEnd));
            }
        }

        if (targets.Count == 0)
        {
            return 0;
        }

        var ids = meetings.Select(m => m.Id).ToList();
        var existing = await db.Set<MeetingNotice>().AsNoTracking().Where(n => ids.Contains(n.MeetingId)).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var target in targets)
        {
            var row = existing.FirstOrDefault(n => n.MeetingId == target.Meeting.Id && n.Kind == target.Kind && n.PersonId == target.PersonId && n.OccurrenceStart == target.Start);
            if (row is not null && (row.Status != MeetingNoticeStatus.Pending || (row.LeaseUntil is { } until && until >= now)))
            {
                continue;
            }

            var claimed = row is null ? await TryInsertAsync(target, cancellationToken) : await TryClaimAsync(row, cancellationToken);
            if (claimed is not { } notice)
            {
                continue;
            }

            if (await SendAsync(target, notice, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>The notices of a meeting, for the coordinator (who received the reminder, what failed).</summary>
    public async Task<IReadOnlyList<MeetingNoticeView>> ListAsync(Guid meetingId, CancellationToken cancellationToken) =>
        (await db.Set<MeetingNotice>().AsNoTracking().Where(n => n.MeetingId == meetingId).ToListAsync(cancellationToken))
            .OrderBy(n => n.OccurrenceStart).ThenBy(n => n.Kind)
            .Select(n => new MeetingNoticeView(n.Kind, n.PersonId == Guid.Empty ? null : n.PersonId, n.OccurrenceStart, n.Status, n.Attempts, n.SentAt, n.Failure))
            .ToList();

    private async Task<(MeetingNotice Notice, string Token)?> TryInsertAsync(Target target, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = Lease<MeetingNotice>.NewToken();
        var notice = new MeetingNotice
        {
            Id = Guid.NewGuid(),
            MeetingId = target.Meeting.Id,
            Kind = target.Kind,
            PersonId = target.PersonId,
            OccurrenceStart = target.Start,
            Status = MeetingNoticeStatus.Pending,
            LeaseOwner = token,
            LeaseUntil = now + options.Value.Lease,
            CreatedAt = now,
        };
        db.Add(notice);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (notice, token);
        }
        catch (DbUpdateException)
        {
            // Another instance inserted it first: it sends it.
            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<(MeetingNotice Notice, string Token)?> TryClaimAsync(MeetingNotice row, CancellationToken cancellationToken)
    {
        var token = Lease<MeetingNotice>.NewToken();
        var pending = db.Set<MeetingNotice>().Where(n => n.Id == row.Id && n.Status == MeetingNoticeStatus.Pending);
        return await NoticeLease.TryClaimAsync(pending, token, time.GetUtcNow(), options.Value.Lease, cancellationToken) ? (row, token) : null;
    }

    private async Task<bool> SendAsync(Target target, (MeetingNotice Notice, string Token) claimed, CancellationToken cancellationToken)
    {
        var (notice, token) = claimed;
        try
        {
            await (target.Kind == MeetingNoticeKind.Reminder ? RemindAsync(target, cancellationToken) : PostAgendaAsync(target, cancellationToken));
            var now = time.GetUtcNow();
            await UpdateAsync(notice.Id, token, s => s
                .SetProperty(n => n.Status, MeetingNoticeStatus.Sent)
                .SetProperty(n => n.SentAt, now)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1)
                .SetProperty(n => n.Failure, (string?)null), cancellationToken);
            MeetingsLog.NoticeSent(logger, target.Meeting.Id, target.Kind);
            return true;
        }
        catch (NoticeImpossibleException e)
        {
            await FailAsync(notice, token, e.Reason, final: e.Final, null, cancellationToken);
        }
        catch (ConnectorException e)
        {
            await FailAsync(notice, token, e.Failure.ToString(), e.IsFinal, e.RetryAfter, cancellationToken);
        }
        catch (GraphGatewayException e)
        {
            await FailAsync(notice, token, $"Graph{e.Kind}", final: false, e.RetryAfter, cancellationToken);
        }

        return false;
    }

    private async Task RemindAsync(Target target, CancellationToken cancellationToken)
    {
        var person = await directory.GetPersonAsync(target.PersonId, cancellationToken);
        if (person is not { Active: true })
        {
            throw new NoticeImpossibleException(UnknownPerson, final: true);
        }

        // In the person's own language (the directory's), not the chat's.
        var language = Languages.FromTag(person.PreferredLanguage);
        var card = MeetingCards.Reminder(language, target.Meeting.Kind, target.Start, target.End, target.Meeting.JoinUrl!, AgendaLink(target.Meeting.Id));
        var message = BotMessage.WithCard(card, MeetingTexts.For(language).Preview);
        _ = await messenger.SendToKnownChatAsync(person.EntraObjectId, _ => message, cancellationToken)
            ?? throw new NoticeImpossibleException(NoConversation, final: true);
    }

    private async Task PostAgendaAsync(Target target, CancellationToken cancellationToken)
    {
        var channelId = await AgendaChannelIdAsync(cancellationToken) ?? throw new NoticeImpossibleException(NoChannel, final: false);
        var card = MeetingCards.Agenda(UserLanguage.Fr, target.Meeting.Kind, target.Start, target.Meeting.Items.Count, AgendaLink(target.Meeting.Id));
        var message = BotMessage.WithCard(card, MeetingTexts.For(UserLanguage.Fr).AgendaTitle);
        _ = await messenger.SendToChannelAsync(channelId, message, cancellationToken)
            ?? throw new NoticeImpossibleException(NoChannel, final: false);
    }

    /// <summary>The configured channel, else the General channel of the cell's team (the bot must be installed in the team).</summary>
    private async Task<string?> AgendaChannelIdAsync(CancellationToken cancellationToken)
    {
        var channelId = options.Value.AgendaChannelId;
        if (string.IsNullOrWhiteSpace(channelId) && situationsOptions.Value.CellTeamId is { Length: > 0 } team)
        {
            channelId = (await graph.FindChannelByNameAsync(team, GeneralChannelName, cancellationToken))?.Id;
        }

        return string.IsNullOrWhiteSpace(channelId) ? null : channelId;
    }

    private string AgendaLink(Guid meetingId) => links.Meeting(meetingId).InTeams;

    private async Task FailAsync(MeetingNotice notice, string token, string reason, bool final, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempts = await db.Set<MeetingNotice>().AsNoTracking().Where(n => n.Id == notice.Id).Select(n => n.Attempts).FirstAsync(cancellationToken) + 1;
        reason = reason.Length > MeetingNotice.MaxFailureLength ? reason[..MeetingNotice.MaxFailureLength] : reason;
        if (final || attempts >= settings.MaxNoticeAttempts)
        {
            await UpdateAsync(notice.Id, token, s => s
                .SetProperty(n => n.Status, MeetingNoticeStatus.Failed)
                .SetProperty(n => n.Attempts, attempts)
                .SetProperty(n => n.Failure, reason), cancellationToken);
            MeetingsLog.NoticeFailed(logger, notice.MeetingId, notice.Kind, reason);
            return;
        }

        var backoff = settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempts - 1);
        var delay = TimeSpan.FromMilliseconds(Math.Min(backoff, settings.RetryMaxDelay.TotalMilliseconds));
        if (retryAfter is { } after && after > delay)
        {
            delay = after;
        }

        // Postponed: the lease time becomes the not-before time of the next attempt.
        var next = time.GetUtcNow() + delay;
        await db.Set<MeetingNotice>().Where(n => n.Id == notice.Id).Where(NoticeLease.HeldBy(token)).ExecuteUpdateAsync(
            s => s.SetProperty(n => n.Attempts, attempts).SetProperty(n => n.Failure, reason).SetProperty(n => n.LeaseOwner, (string?)null).SetProperty(n => n.LeaseUntil, next),
            cancellationToken);
        MeetingsLog.NoticePostponed(logger, notice.MeetingId, notice.Kind, reason, attempts);
    }

    /// <summary>Writes an outcome while <paramref name="token"/> still holds the notice, and releases it.</summary>
    private Task<int> UpdateAsync(Guid id, string token, Action<UpdateSettersBuilder<MeetingNotice>> set, CancellationToken cancellationToken) =>
        NoticeLease.ReleaseAsync(db.Set<MeetingNotice>().Where(n => n.Id == id), token, set, cancellationToken);

    private sealed class NoticeImpossibleException(string reason, bool final) : Exception(reason)
    {
        public string Reason { get; } = reason;

        public bool Final { get; } = final;
    }
}
