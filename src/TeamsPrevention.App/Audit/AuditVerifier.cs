using Microsoft.EntityFrameworkCore;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Walks the audit chain from sequence 1 and reports the first place it does not hold: an entry whose seal does not
/// match its fields (edited, or forged without the key), an unkeyed entry after the chain became keyed, a missing
/// sequence number (deleted), or an entry that does not point at the hash of the one before it (inserted or
/// re-ordered). Then compares the database with the latest signed checkpoint kept outside it: its entry must still
/// exist with the signed hash, so removing the newest entries or rewriting the chain up to there shows too.
/// <para>
/// Limits: what was appended after the latest checkpoint can be removed unseen (hence a checkpoint every few minutes);
/// entries chained before the chain was keyed are only as safe as the checkpoints that followed them.
/// </para>
/// </summary>
public sealed class AuditVerifier(Data.AppDbContext db, AuditKeyRing keys, AuditCheckpoints checkpoints, TimeProvider time, ILogger<AuditVerifier> logger)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var walk = new AuditChainWalk(keys, 1, AuditHasher.Genesis);
        (long At, AuditBreakKind Kind)? broken = null;
        long last = 0;
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (walk.Check(entry) is { } found)
            {
                broken = found;
                last = entry.Sequence;
                break;
            }
        }

        if (broken is null)
        {
            last = walk.LastSequence;
        }

        var checkpoint = await checkpoints.CheckLatestAsync(cancellationToken);
        broken ??= checkpoint?.Status switch
        {
            AuditCheckpointStatus.Truncated => (last + 1, AuditBreakKind.Truncated),
            AuditCheckpointStatus.Mismatched => (checkpoint.Sequence!.Value, AuditBreakKind.Rewritten),
            AuditCheckpointStatus.Invalid => (checkpoint.Sequence ?? last, AuditBreakKind.CheckpointInvalid),
            _ => null,
        };

        if (broken is { } b)
        {
            AuditLogEvents.Broken(logger, b.At, b.Kind);
        }
        else
        {
            AuditLogEvents.Verified(logger, walk.Checked);
        }

        return new AuditVerification(broken is null, walk.Checked, last, broken?.At, broken?.Kind, time.GetUtcNow(), walk.KeyedFrom, checkpoint);
    }
}
