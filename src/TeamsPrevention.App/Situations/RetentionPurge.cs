using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Graph;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Deletes situations whose retention expired: the channel first (if any), then every row of content (signal,
/// indicators, list, actions, reviews, sealed identity, written reasons), leaving a <see cref="DeletionRecord"/>
/// and a <see cref="AuditAction.Purge"/> entry. The audit log is never touched (it holds codes, not content), so its
/// chain still verifies. Safe with several instances: each situation is claimed with the same lease as the channels.
/// </summary>
public sealed class RetentionPurge(
    AppDbContext db,
    GraphChannels graph,
    AuditLog audit,
    IOptions<SituationsOptions> options,
    TimeProvider time,
    ILogger<RetentionPurge> logger)
{
    private readonly SituationsOptions _options = options.Value;
    private readonly string _worker = "purge-" + Guid.NewGuid().ToString("N")[..20];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Set<Situation>().AsNoTracking()
            .Where(s => s.RetentionUntil != null && s.RetentionUntil <= now)
            .Where(SituationChannels.ChannelLease.FreeAt(now))
            .OrderBy(s => s.RetentionUntil)
            .Select(s => s.Id)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);

        var purged = 0;
        foreach (var id in due)
        {
            var claimed = await SituationChannels.ChannelLease.TryClaimAsync(db.Set<Situation>().Where(s => s.Id == id), _worker, now, _options.LeaseDuration, cancellationToken);
            if (claimed && await PurgeAsync(id, cancellationToken))
            {
                purged++;
            }
        }

        return purged;
    }

    private async Task<bool> PurgeAsync(Guid id, CancellationToken cancellationToken)
    {
        var situation = await db.Set<Situation>().AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken);
        var category = situation.Status switch
        {
            SituationStatus.Signalled or SituationStatus.Screening => "Undecided",
            var status => status.ToString(),
        };
        var channelRemoved = false;
        if (situation.ChannelId is { } channelId && _options.CellTeamId is { } team)
        {
            try
            {
                await graph.DeleteChannelAsync(team, channelId, cancellationToken);
                channelRemoved = true;
            }
            catch (GraphGatewayException e) when (e.Kind == GraphFailure.NotFound)
            {
                channelRemoved = true;
            }
            catch (GraphGatewayException e)
            {
                // Keep the content until the channel is gone: try again at the next pass.
                SituationsLog.ChannelFailed(logger, situation.Code, $"purge: {e.Kind}");
                await SituationChannels.ChannelLease.ReleaseAsync(db.Set<Situation>().Where(s => s.Id == id), _worker, null, cancellationToken);
                return false;
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<SituationIndicator>().Where(x => x.SituationId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<NeedToKnowEntry>().Where(x => x.SituationId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<SituationAction>().Where(x => x.SituationId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<SituationReview>().Where(x => x.SituationId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<SituationIdentity>().Where(x => x.SituationId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<AccessJustification>().Where(x => x.SituationId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Situation>().Where(x => x.Id == id).ExecuteDeleteAsync(cancellationToken);
        db.Add(new DeletionRecord
        {
            Id = Guid.NewGuid(),
            Code = situation.Code,
            Category = category,
            PurgedAt = time.GetUtcNow(),
            ChannelRemoved = channelRemoved || situation.ChannelId is null,
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditRecord(AuditRecord.SystemActor, null, AuditAction.Purge, situation.Code, "Situation", null, $"retention expired ({category})"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        SituationsLog.Purged(logger, situation.Code, category);
        return true;
    }
}
