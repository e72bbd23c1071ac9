using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Graph;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Keeps each situation's private channel in line with its need-to-know list. The database is the source of truth:
/// the intent (<see cref="ChannelState.Requested"/>) is stored before any Graph call, and each pass claims due
/// situations with a conditional update (a lease), so several instances never work on the same one at once.
/// <list type="bullet">
/// <item>Creation: one request listing the team's members, one creating the channel with everyone (≤ 200 members;
/// more go by <c>$batch</c>); people not yet in the team are added to it first. A channel with the name already there
/// (a retry after a crash or a lost answer, another instance) is adopted, never duplicated.</item>
/// <item>Reconciliation: hand-added members removed, missing ones added, the name restored, a deleted channel
/// recreated; every correction audited and the referent told (content-free).</item>
/// <item>Removal on closure (policy) and before the purge.</item>
/// </list>
/// </summary>
public sealed class SituationChannels(
    AppDbContext db,
    GraphChannels graph,
    GraphPeople people,
    AuditLog audit,
    SituationNotifier notifier,
    CellTeamMembers teamMembers,
    IOptions<SituationsOptions> options,
    TimeProvider time,
    ILogger<SituationChannels> logger)
{
    /// <summary>The lease on a situation's channel work, taken by this worker and by the purge.</summary>
    internal static readonly Lease<Situation> ChannelLease = new(s => s.ChannelLeaseOwner, s => s.ChannelLeaseUntil);

    private static readonly TimeSpan RetrySoon = TimeSpan.FromSeconds(30);
    private readonly SituationsOptions _options = options.Value;
    private readonly string _worker = Guid.NewGuid().ToString("N");

    /// <summary>Claims and handles the situations whose channel is due. Returns how many were handled.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Set<Situation>().AsNoTracking()
            .Where(s => (s.ChannelState == ChannelState.Requested || s.ChannelState == ChannelState.Active || s.ChannelState == ChannelState.Removing
                    || s.ChannelState == ChannelState.Archiving)
                && s.ChannelSyncDueAt != null && s.ChannelSyncDueAt <= now
)
            .Where(ChannelLease.FreeAt(now))
            .OrderBy(s => s.ChannelSyncDueAt)
            .Select(s => new { s.Id, s.ChannelSyncDueAt })
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var candidate in due)
        {
            if (!await ClaimAsync(candidate.Id, now, cancellationToken))
            {
                continue;
            }

            handled++;
            await HandleAsync(candidate.Id, candidate.ChannelSyncDueAt!.Value, cancellationToken);
        }

        SituationsLog.Pass(logger, handled);
        return handled;
    }

    private Task<bool> ClaimAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChannelLease.TryClaimAsync(db.Set<Situation>().Where(s => s.Id == id), _worker, now, _options.LeaseDuration, cancellationToken);

    private async Task HandleAsync(Guid id, DateTimeOffset dueWhenClaimed, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var situation = await db.Set<Situation>().AsNoTracking().Include(s => s.NeedToKnow).FirstAsync(s => s.Id == id, cancellationToken);
        var next = time.GetUtcNow() + _options.ReconcileInterval;
        string? problem = null;
        try
        {
            switch (situation.ChannelState)
            {
                case ChannelState.Removing:
                    await RemoveAsync(situation, cancellationToken);
                    break;
                case ChannelState.Archiving:
                    await ArchiveAsync(situation, cancellationToken);
                    break;
                case ChannelState.Requested:
                case ChannelState.Active:
                    await SyncAsync(situation, cancellationToken);
                    break;
            }
        }
        catch (GraphGatewayException e)
        {
            SituationsLog.ChannelFailed(logger, situation.Code, $"{e.Operation}: {e.Kind}");
            problem = e.IsRetryable ? "Teams est momentanément indisponible : nouvel essai prévu." : ProblemText(e.Kind);
            next = time.GetUtcNow() + (e.IsRetryable ? e.RetryAfter ?? RetrySoon : _options.ReconcileInterval);
        }

        var release = next;
        await ChannelLease.ReleaseAsync(db.Set<Situation>().Where(s => s.Id == id), _worker, u => u
            .SetProperty(s => s.ChannelProblem, problem)
            // A change of the list while we worked (the API set an earlier due time) is not lost.
            .SetProperty(s => s.ChannelSyncDueAt, s => s.ChannelSyncDueAt != dueWhenClaimed ? s.ChannelSyncDueAt : release),
            cancellationToken);
    }

    private static string ProblemText(GraphFailure kind) => kind switch
    {
        GraphFailure.Forbidden or GraphFailure.Unauthorized => "L'application n'a pas les autorisations Teams nécessaires.",
        GraphFailure.NotFound => "L'équipe de la cellule est introuvable.",
        _ => "Teams a refusé la création ou la mise à jour du canal.",
    };

    private async Task SyncAsync(Situation situation, CancellationToken cancellationToken)
    {
        var team = _options.CellTeamId ?? throw new GraphGatewayException(GraphFailure.NotFound, "situation channel", null, "NoCellTeam", null, null);
        var (ownerId, expected) = await ExpectedMembersAsync(situation, cancellationToken);
        if (ownerId is null)
        {
            throw new GraphGatewayException(GraphFailure.BadRequest, "situation channel", null, "NoOwner", null, null);
        }

        TeamChannel? channel = situation.ChannelId is null ? null : await graph.GetChannelAsync(team, situation.ChannelId, cancellationToken);
        var corrections = new List<string>();
        if (situation.ChannelId is not null && channel is null)
        {
            corrections.Add("channel deleted in Teams, recreated");
        }

        var inTeam = (await people.ListTeamMembersAsync(team, cancellationToken)).Select(m => m.UserId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var notInTeam = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in expected.Where(p => !inTeam.Contains(p)))
        {
            try
            {
                await teamMembers.AddAsync(team, person, cancellationToken);
            }
            catch (GraphGatewayException e) when (e.Kind == GraphFailure.Conflict)
            {
                // Already added meanwhile.
            }
            catch (GraphGatewayException e) when (!e.IsRetryable)
            {
                notInTeam.Add(person);
            }
        }

        var members = expected.Where(p => !notInTeam.Contains(p)).ToList();
        var created = false;
        if (channel is null)
        {
            (channel, created) = await CreateOrAdoptAsync(situation, team, ownerId, members, cancellationToken);
            await db.Set<Situation>().Where(s => s.Id == situation.Id && s.ChannelLeaseOwner == _worker).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.ChannelId, channel.Id)
                .SetProperty(s => s.ChannelName, channel.DisplayName)
                .SetProperty(s => s.ChannelState, ChannelState.Active), cancellationToken);
            await SystemAuditAsync(situation.Code, created ? "channel created" : "channel adopted", channel.Id, cancellationToken);
            SituationsLog.Channel(logger, situation.Code, created ? "created" : "adopted");
        }
        else
        {
            var name = situation.ChannelName ?? situation.Code;
            if (!string.Equals(channel.DisplayName, name, StringComparison.Ordinal))
            {
                await graph.RenameChannelAsync(team, channel.Id, name, cancellationToken);
                corrections.Add("channel renamed back to its code");
                await SystemAuditAsync(situation.Code, "reconciliation: channel renamed back", channel.Id, cancellationToken);
            }

            if (situation.ChannelState == ChannelState.Requested)
            {
                await db.Set<Situation>().Where(s => s.Id == situation.Id && s.ChannelLeaseOwner == _worker)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.ChannelState, ChannelState.Active), cancellationToken);
            }
        }

        if (!created)
        {
            corrections.AddRange(await ReconcileMembersAsync(situation, team, channel.Id, ownerId, members, cancellationToken));
        }

        if (notInTeam.Count > 0)
        {
            throw new GraphGatewayException(GraphFailure.BadRequest, "add to cell team", null, "NotAddedToTeam", null, null);
        }

        if (corrections.Count > 0 && situation.ChannelId is not null)
        {
            var referent = await db.Set<Person>().AsNoTracking().Where(p => p.Id == situation.ReferentId).Select(p => p.EntraObjectId).ToListAsync(cancellationToken);
            await notifier.NotifyAsync(situation.Code, referent, SituationNotice.ChannelCorrected, cancellationToken);
        }
    }

    private async Task<(TeamChannel Channel, bool Created)> CreateOrAdoptAsync(
        Situation situation, string team, string ownerId, IReadOnlyList<string> members, CancellationToken cancellationToken)
    {
        // The name is the code; when Teams still holds it for a deleted channel, the code and a number.
        var baseName = situation.Code;
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var name = attempt == 1 ? baseName : $"{baseName} ({attempt})";
            if (situation.ChannelName is { } known && attempt == 1)
            {
                name = known;
            }

            try
            {
                var created = await graph.CreatePrivateChannelAsync(team, name, ownerId, members, cancellationToken);
                return (created.Channel, true);
            }
            catch (GraphGatewayException e) when (e.Kind == GraphFailure.NameTaken)
            {
                var existing = await graph.FindChannelByNameAsync(team, name, cancellationToken);
                if (existing is not null)
                {
                    return (existing, false);
                }
            }
        }

        throw new GraphGatewayException(GraphFailure.NameTaken, "create situation channel", null, "NoFreeName", null, null);
    }

    private async Task<List<string>> ReconcileMembersAsync(
        Situation situation, string team, string channelId, string ownerId, IReadOnlyList<string> members, CancellationToken cancellationToken)
    {
        var corrections = new List<string>();
        var wanted = members.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var current = await graph.ListChannelMembersAsync(team, channelId, cancellationToken);
        foreach (var extra in current.Where(m => !wanted.Contains(m.UserId)))
        {
            try
            {
                await graph.RemoveChannelMemberAsync(team, channelId, extra.MembershipId, cancellationToken);
            }
            catch (GraphGatewayException e) when (e.Kind == GraphFailure.NotFound)
            {
                // Already gone.
            }

            corrections.Add("member removed");
            await SystemAuditAsync(situation.Code, "reconciliation: member not on the list removed", channelId, cancellationToken);
        }

        var present = current.Select(m => m.UserId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var missing in wanted.Where(p => !present.Contains(p)))
        {
            try
            {
                await graph.AddChannelMemberAsync(team, channelId, missing, asOwner: string.Equals(missing, ownerId, StringComparison.OrdinalIgnoreCase), cancellationToken);
            }
            catch (GraphGatewayException e) when (e.Kind == GraphFailure.Conflict)
            {
                continue;
            }

            corrections.Add("member added");
            await SystemAuditAsync(situation.Code, "reconciliation: member on the list added", channelId, cancellationToken);
        }

        return corrections;
    }

    private async Task ArchiveAsync(Situation situation, CancellationToken cancellationToken)
    {
        var state = ChannelState.Archived;
        if (situation.ChannelId is { } channelId && _options.CellTeamId is { } team)
        {
            try
            {
                await graph.ArchiveChannelAsync(team, channelId, cancellationToken);
                await SystemAuditAsync(situation.Code, "channel archived", channelId, cancellationToken);
            }
            catch (GraphGatewayException e) when (e.Kind == GraphFailure.NotFound)
            {
                // Deleted in Teams meanwhile: nothing left to archive (or to purge later).
                state = ChannelState.Removed;
                await SystemAuditAsync(situation.Code, "channel already deleted in Teams at archiving", channelId, cancellationToken);
            }
        }

        await db.Set<Situation>().Where(s => s.Id == situation.Id && s.ChannelLeaseOwner == _worker).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.ChannelState, state)
            .SetProperty(s => s.ChannelSyncDueAt, (DateTimeOffset?)null), cancellationToken);
        SituationsLog.Channel(logger, situation.Code, state == ChannelState.Archived ? "archived" : "removed");
    }

    private async Task RemoveAsync(Situation situation, CancellationToken cancellationToken)
    {
        if (situation.ChannelId is { } channelId && _options.CellTeamId is { } team)
        {
            try
            {
                await graph.DeleteChannelAsync(team, channelId, cancellationToken);
            }
            catch (GraphGatewayException e) when (e.Kind == GraphFailure.NotFound)
            {
                // Already deleted.
            }

            await SystemAuditAsync(situation.Code, "channel removed", channelId, cancellationToken);
        }

        await db.Set<Situation>().Where(s => s.Id == situation.Id && s.ChannelLeaseOwner == _worker).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.ChannelState, ChannelState.Removed)
            .SetProperty(s => s.ChannelId, (string?)null), cancellationToken);
        SituationsLog.Channel(logger, situation.Code, "removed");
    }

    /// <summary>The channel's owner (the referent) and everyone on the list now, by Entra object id.</summary>
    internal async Task<(string? Owner, IReadOnlyList<string> Members)> ExpectedMembersAsync(Situation situation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = situation.NeedToKnow.Where(n => n.IsValidAt(now)).Select(n => n.PersonId).ToList();
        var people = await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id) && p.Active).Select(p => new { p.Id, p.EntraObjectId }).ToListAsync(cancellationToken);
        var members = people.Select(p => p.EntraObjectId.ToString()).Order(StringComparer.Ordinal).ToList();
        var owner = people.FirstOrDefault(p => p.Id == situation.ReferentId)?.EntraObjectId.ToString() ?? members.FirstOrDefault();
        return (owner, members);
    }

    private Task SystemAuditAsync(string code, string purpose, string channelId, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord(AuditRecord.SystemActor, null, AuditAction.Change, code, "Channel", channelId.Length <= AuditRecord.MaxTargetIdLength ? channelId : null, purpose), cancellationToken);
}
