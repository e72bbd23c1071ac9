using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Secrecy;

/// <summary>The secrecy commitments a person made (scope, text version, when), for the DPO's subject-access export.</summary>
public sealed class SecrecyPersonRecords(AppDbContext db)
{
    public async Task<IReadOnlyList<SecrecyCommitmentRecord>> ForPersonAsync(Guid objectId, CancellationToken cancellationToken)
    {
        var oid = objectId.ToString();
        return await db.Set<SecrecyAcknowledgement>().AsNoTracking()
            .Where(a => a.PersonObjectId == oid)
            .OrderBy(a => a.AcknowledgedAt)
            .Select(a => new SecrecyCommitmentRecord(a.Scope, a.TextVersion, a.AcknowledgedAt))
            .ToListAsync(cancellationToken);
    }
}

public sealed record SecrecyCommitmentRecord(string Scope, int TextVersion, DateTimeOffset AcknowledgedAt);
