using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Sealing;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// The identity rows for <see cref="ResealWorker"/>: each row still under an older key is opened and sealed again
/// under the current one, written only if its key id is still the one read (a referent's change in between sealed
/// it under the current key already).
/// </summary>
internal sealed class IdentityRows(IdentityProtector protector, Sealer sealer) : IResealSource
{
    public string Name => "SituationIdentities";

    public async Task<IReadOnlyDictionary<string, int>> CountByKeyAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Set<SituationIdentity>().GroupBy(i => i.KeyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);

    public async Task<ResealBatch> ResealAsync(AppDbContext db, int batchSize, IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken)
    {
        var current = sealer.CurrentKeyId;
        var skipped = skip.ToList();
        var rows = await db.Set<SituationIdentity>().AsNoTracking()
            .Where(i => i.KeyId != current && !EF.Parameter(skipped).Contains(i.SituationId))
            .OrderBy(i => i.SituationId)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        var unreadable = new List<Guid>();
        var resealed = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            Dictionary<string, string> fields;
            try
            {
                fields = protector.Open(row);
            }
            catch (SealedValueException)
            {
                unreadable.Add(row.SituationId);
                continue;
            }

            var old = row.KeyId;
            protector.Seal(row, row.SituationId, fields);
            resealed += await db.Set<SituationIdentity>().Where(i => i.SituationId == row.SituationId && i.KeyId == old).ExecuteUpdateAsync(
                s => s.SetProperty(i => i.KeyId, row.KeyId).SetProperty(i => i.Nonce, row.Nonce).SetProperty(i => i.Ciphertext, row.Ciphertext).SetProperty(i => i.Tag, row.Tag),
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ResealBatch(resealed, rows.Count - unreadable.Count - resealed, unreadable, rows.Count == batchSize);
    }
}
