using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Signed checkpoints of the chain's head, kept in a file outside the database (<see cref="AuditCheckpointFile"/>),
/// signed with the current chain key. A checkpoint is written only when the chain since the latest one holds (its
/// entry still has the signed hash, every later entry is sealed and linked): so truncating the log, or rewriting it, is
/// never anchored, and the latest checkpoint always shows it (<see cref="CheckLatestAsync"/>).
/// </summary>
public sealed class AuditCheckpoints(
    AppDbContext db, AuditKeyRing keys, IOptions<AuditCheckpointOptions> options, TimeProvider time, ILogger<AuditCheckpoints> logger)
{
    private AuditCheckpointFile CheckpointFile => AuditCheckpointFile.For(options.Value.EffectiveDirectory, db);

    /// <summary>Checkpoints the head now, if it moved since the latest checkpoint and the chain since then holds.</summary>
    public async Task<AuditCheckpointWrite> WriteAsync(CancellationToken cancellationToken)
    {
        AuditCheckpointWrite? result = null;
        await CheckpointFile.AppendAsync(
            async ct =>
            {
                var (latest, valid) = await ReadLatestAsync(ct);
                var head = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
                if (!valid)
                {
                    result = new AuditCheckpointWrite(AuditCheckpointOutcome.Refused, null, latest?.Sequence, AuditBreakKind.CheckpointInvalid);
                }
                else if (head is null && latest is null)
                {
                    result = new AuditCheckpointWrite(AuditCheckpointOutcome.Empty, null);
                }
                else if (latest is not null && head is not null && head.Sequence == latest.Sequence && AuditHasher.SameHash(head.Hash, latest.Hash))
                {
                    result = new AuditCheckpointWrite(AuditCheckpointOutcome.Unchanged, latest);
                }
                else if (await FindBreakSinceAsync(latest, head?.Sequence ?? 0, ct) is { } broken)
                {
                    result = new AuditCheckpointWrite(AuditCheckpointOutcome.Refused, latest, broken.At, broken.Kind);
                }
                else
                {
                    var writtenAt = AuditHasher.Truncate(time.GetUtcNow());
                    var signature = AuditHasher.SignCheckpoint(keys.Current, head!.Sequence, head.Hash, writtenAt, keys.CurrentId);
                    result = new AuditCheckpointWrite(
                        AuditCheckpointOutcome.Written, new AuditCheckpoint(head.Sequence, head.Hash, writtenAt, keys.CurrentId, signature));
                    return result.Checkpoint;
                }

                return null;
            },
            cancellationToken);

        switch (result!.Outcome)
        {
            case AuditCheckpointOutcome.Written:
                AuditLogEvents.CheckpointWritten(logger, result.Checkpoint!.Sequence, result.Checkpoint.KeyId);
                break;
            case AuditCheckpointOutcome.Refused:
                AuditLogEvents.CheckpointRefused(logger, result.BreakSequence ?? 0, result.BreakKind!.Value);
                break;
        }

        return result;
    }

    /// <summary>The latest checkpoint and how the database compares with it; null when none was ever written.</summary>
    public async Task<AuditCheckpointCheck?> CheckLatestAsync(CancellationToken cancellationToken)
    {
        var (latest, valid) = await ReadLatestAsync(cancellationToken);
        if (latest is null)
        {
            return valid ? null : new AuditCheckpointCheck(null, null, null, null, AuditCheckpointStatus.Invalid);
        }

        AuditCheckpointStatus status;
        if (!valid)
        {
            status = AuditCheckpointStatus.Invalid;
        }
        else
        {
            var hash = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence == latest.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken);
            status = hash is null ? AuditCheckpointStatus.Truncated
                : AuditHasher.SameHash(hash, latest.Hash) ? AuditCheckpointStatus.Matched
                : AuditCheckpointStatus.Mismatched;
        }

        return new AuditCheckpointCheck(latest.Sequence, latest.Hash, latest.WrittenAt, latest.KeyId, status);
    }

    /// <summary>The latest checkpoint, and false when its line is not a checkpoint or its signature does not hold.</summary>
    private async Task<(AuditCheckpoint? Latest, bool Valid)> ReadLatestAsync(CancellationToken cancellationToken)
    {
        AuditCheckpoint? latest;
        try
        {
            latest = await CheckpointFile.ReadLatestAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return (null, false);
        }

        return (latest, latest is null || IsAuthentic(latest));
    }

    private bool IsAuthentic(AuditCheckpoint checkpoint) =>
        keys.TryGet(checkpoint.KeyId, out var key)
        && AuditHasher.SameHash(AuditHasher.SignCheckpoint(key, checkpoint.Sequence, checkpoint.Hash, checkpoint.WrittenAt, checkpoint.KeyId), checkpoint.Signature);

    /// <summary>
    /// Walks the chain from the latest checkpoint's entry (from entry 1 when there is none) to <paramref name="head"/>:
    /// the first place it does not hold, or null.
    /// </summary>
    private async Task<(long At, AuditBreakKind Kind)?> FindBreakSinceAsync(AuditCheckpoint? latest, long head, CancellationToken cancellationToken)
    {
        var from = latest?.Sequence ?? 1;
        var walk = new AuditChainWalk(keys, from, latest is null ? AuditHasher.Genesis : null);
        var entries = db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence >= from && e.Sequence <= head).OrderBy(e => e.Sequence);
        await foreach (var entry in entries.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (latest is not null && walk.Checked == 0 && (entry.Sequence != latest.Sequence || !AuditHasher.SameHash(entry.Hash, latest.Hash)))
            {
                return (latest.Sequence, entry.Sequence == latest.Sequence ? AuditBreakKind.Rewritten : AuditBreakKind.Missing);
            }

            if (walk.Check(entry) is { } broken)
            {
                return broken;
            }
        }

        return latest is not null && walk.Checked == 0 ? (head + 1, AuditBreakKind.Truncated) : null;
    }
}
