using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Graph;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Who the product put in the cell's team, and taking them out again: a person added only to reach a situation's
/// private channel leaves the team once they are on the list of no situation whose channel still exists (requested,
/// active or archived). People the product did not add (no <see cref="CellTeamAddition"/>) are never touched, nor an
/// owner of the team. Every removal is audited (system, the person's Entra id only).
/// </summary>
public sealed class CellTeamMembers(AppDbContext db, GraphPeople graph, AuditLog audit, IOptions<SituationsOptions> options, TimeProvider time, ILogger<CellTeamMembers> logger)
{
    private static readonly ChannelState[] ChannelExists = [ChannelState.Requested, ChannelState.Active, ChannelState.Archiving, ChannelState.Archived];

    /// <summary>Adds a person to the team, recording first that the product did it.</summary>
    public async Task AddAsync(string team, string userId, CancellationToken cancellationToken)
    {
        if (!await db.Set<CellTeamAddition>().AnyAsync(a => a.TeamId == team && a.UserId == userId, cancellationToken))
        {
            db.Add(new CellTeamAddition { TeamId = team, UserId = userId, AddedAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Recorded by another instance meanwhile.
            }

            db.ChangeTracker.Clear();
        }

        try
        {
            await graph.AddTeamMemberAsync(team, userId, asOwner: false, cancellationToken);
        }
        catch (GraphGatewayException e) when (!e.IsRetryable && e.Kind != GraphFailure.Conflict)
        {
            // Not added (and not ours to remove later); a conflict means the person is in the team now.
            await db.Set<CellTeamAddition>().Where(a => a.TeamId == team && a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            throw;
        }
    }

    /// <summary>Takes out of the team the people the product added who need it no more. Returns how many left.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        if (options.Value.CellTeamId is not { } team)
        {
            return 0;
        }

        var added = await db.Set<CellTeamAddition>().AsNoTracking().Where(a => a.TeamId == team).Select(a => a.UserId).ToListAsync(cancellationToken);
        if (added.Count == 0)
        {
            return 0;
        }

        var unneeded = added.Except(await StillNeededAsync(cancellationToken), StringComparer.OrdinalIgnoreCase).ToList();
        if (unneeded.Count == 0)
        {
            return 0;
        }

        var members = await graph.ListTeamMembersAsync(team, cancellationToken);
        var removed = 0;
        foreach (var userId in unneeded)
        {
            var membership = members.FirstOrDefault(m => string.Equals(m.UserId, userId, StringComparison.OrdinalIgnoreCase));
            if (membership is { IsOwner: true })
            {
                // Made an owner since (by hand): no longer only ours.
                await ForgetAsync(team, userId, cancellationToken);
                continue;
            }

            if (membership is not null)
            {
                try
                {
                    await graph.RemoveTeamMemberAsync(team, membership.MembershipId, cancellationToken);
                }
                catch (GraphGatewayException e) when (e.Kind == GraphFailure.NotFound)
                {
                    // Left meanwhile.
                }

                removed++;
                await audit.RecordAsync(
                    new AuditRecord(AuditRecord.SystemActor, null, AuditAction.Change, null, "CellTeam", userId, "removed from the cell team: on no situation's list"),
                    cancellationToken);
            }

            await ForgetAsync(team, userId, cancellationToken);
        }

        SituationsLog.TeamCleanup(logger, removed);
        return removed;
    }

    /// <summary>Everyone on a valid list of a situation whose channel exists, by Entra object id.</summary>
    private async Task<HashSet<string>> StillNeededAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entries = await db.Set<Situation>().AsNoTracking()
            .Where(s => ChannelExists.Contains(s.ChannelState))
            .SelectMany(s => s.NeedToKnow)
            .Select(n => new { n.PersonId, n.ExpiresAt })
            .ToListAsync(cancellationToken);
        var ids = entries.Where(n => n.ExpiresAt is null || n.ExpiresAt > now).Select(n => n.PersonId).Distinct().ToList();
        var oids = await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id) && p.Active).Select(p => p.EntraObjectId).ToListAsync(cancellationToken);
        return oids.Select(o => o.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private Task ForgetAsync(string team, string userId, CancellationToken cancellationToken) =>
        db.Set<CellTeamAddition>().Where(a => a.TeamId == team && a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
