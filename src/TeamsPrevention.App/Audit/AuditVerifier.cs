using Microsoft.EntityFrameworkCore;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Walks the audit chain from sequence 1 and reports the first place it does not hold: an entry whose hash does not
/// match its fields (edited), a missing sequence number (deleted), or an entry that does not point at the hash of the
/// one before it (inserted or re-ordered).
/// <para>
/// Limits, by design of a plain hash chain: removing entries from the very end, or rewriting every hash from some
/// point on, leaves a chain that verifies; only a copy of the last hash kept elsewhere (an anchor) would show it.
/// </para>
/// </summary>
public sealed class AuditVerifier(Data.AppDbContext db, TimeProvider time, ILogger<AuditVerifier> logger)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        long expected = 1;
        long checkedCount = 0;
        var previousHash = AuditHasher.Genesis;

        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            checkedCount++;
            AuditBreakKind? kind = null;
            var at = entry.Sequence;
            if (entry.Sequence > expected)
            {
                kind = AuditBreakKind.Missing;
                at = expected;
            }
            else if (entry.Sequence < expected)
            {
                kind = AuditBreakKind.Unlinked;
            }
            else if (!string.Equals(AuditHasher.Compute(entry), entry.Hash, StringComparison.Ordinal))
            {
                kind = AuditBreakKind.Altered;
            }
            else if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                kind = AuditBreakKind.Unlinked;
            }

            if (kind is not null)
            {
                AuditLogEvents.Broken(logger, at, kind.Value);
                return new AuditVerification(false, checkedCount, entry.Sequence, at, kind, time.GetUtcNow());
            }

            previousHash = entry.Hash;
            expected = entry.Sequence + 1;
        }

        AuditLogEvents.Verified(logger, checkedCount);
        return new AuditVerification(true, checkedCount, expected - 1, null, null, time.GetUtcNow());
    }
}
