using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Sealing;

/// <summary>
/// The rows of one entity type with sealed columns (<see cref="SealedColumns"/>): reads the envelopes as stored (no
/// entity is built, so nothing is opened by the interceptor), opens each with its row's key (or takes it as it is when
/// the row is from before sealing), seals it under the current key and writes it with
/// <c>UPDATE … WHERE Id = @id AND SealKeyId = @old</c>: a user's write in between sealed the row whole under the
/// current key and changed its key id, so it is never overwritten with older text.
/// </summary>
internal sealed class SealedTextRows(SealedType type, Sealer sealer) : IResealSource
{
    private static readonly MethodInfo CountMethod = typeof(SealedTextRows).GetMethod(nameof(CountAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly MethodInfo ResealMethod = typeof(SealedTextRows).GetMethod(nameof(ResealBatchAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public string Name => type.Table;

    public Task<IReadOnlyDictionary<string, int>> CountByKeyAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (Task<IReadOnlyDictionary<string, int>>)CountMethod.MakeGenericMethod(type.ClrType).Invoke(this, [db, cancellationToken])!;

    public Task<ResealBatch> ResealAsync(AppDbContext db, int batchSize, IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken) =>
        (Task<ResealBatch>)ResealMethod.MakeGenericMethod(type.ClrType).Invoke(this, [db, batchSize, skip, cancellationToken])!;

    private async Task<IReadOnlyDictionary<string, int>> CountAsync<T>(AppDbContext db, CancellationToken cancellationToken)
        where T : class
    {
        var counts = await db.Set<T>().GroupBy(e => EF.Property<string?>(e, SealedColumns.KeyIdProperty))
            .Select(g => new { Key = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key ?? SealingStatus.Plain, c => c.Count, StringComparer.Ordinal);
    }

    private async Task<ResealBatch> ResealBatchAsync<T>(AppDbContext db, int batchSize, IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken)
        where T : class
    {
        var current = sealer.CurrentKeyId;
        var skipped = skip.ToList();
        var rows = await db.Set<T>().AsNoTracking()
            .Where(e => EF.Property<string?>(e, SealedColumns.KeyIdProperty) == null || EF.Property<string?>(e, SealedColumns.KeyIdProperty) != current)
            .Where(e => !EF.Parameter(skipped).Contains(EF.Property<Guid>(e, type.KeyName)))
            .OrderBy(e => EF.Property<Guid>(e, type.KeyName))
            .Take(batchSize)
            .Select(Projection<T>())
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return new ResealBatch(0, 0, [], false);
        }

        var unreadable = new List<Guid>();
        var resealed = 0;
        var raced = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            string?[] values;
            try
            {
                values = [.. type.Fields.Select((f, i) => row.Values[i] is not { } stored ? null
                    : sealer.Seal(row.KeyId is null ? stored : sealer.Open(stored, row.KeyId, f.Where(row.Id)), f.Where(row.Id)))];
            }
            catch (SealedValueException)
            {
                unreadable.Add(row.Id);
                continue;
            }

            var id = row.Id;
            var old = row.KeyId;
            var written = await db.Set<T>()
                .Where(e => EF.Property<Guid>(e, type.KeyName) == id && EF.Property<string?>(e, SealedColumns.KeyIdProperty) == old)
                .ExecuteUpdateAsync(
                    s =>
                    {
                        for (var i = 0; i < type.Fields.Count; i++)
                        {
                            var shadow = type.Fields[i].Shadow;
                            var value = values[i];
                            s.SetProperty(e => EF.Property<string?>(e, shadow), value);
                        }

                        s.SetProperty(e => EF.Property<string?>(e, SealedColumns.KeyIdProperty), current);
                    },
                    cancellationToken);
            if (written == 1)
            {
                resealed++;
            }
            else
            {
                raced++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new ResealBatch(resealed, raced, unreadable, rows.Count == batchSize);
    }

    /// <summary><c>e =&gt; new StoredRow(Id, SealKeyId, [each sealed column as stored])</c>.</summary>
    private Expression<Func<T, StoredRow>> Projection<T>()
    {
        var e = Expression.Parameter(typeof(T), "e");
        Expression Column<TValue>(string name) =>
            Expression.Call(typeof(EF), nameof(EF.Property), [typeof(TValue)], e, Expression.Constant(name));
        var body = Expression.New(
            typeof(StoredRow).GetConstructors().Single(),
            Column<Guid>(type.KeyName),
            Column<string?>(SealedColumns.KeyIdProperty),
            Expression.NewArrayInit(typeof(string), type.Fields.Select(f => Column<string?>(f.Shadow))));
        return Expression.Lambda<Func<T, StoredRow>>(body, e);
    }

    private sealed record StoredRow(Guid Id, string? KeyId, string?[] Values);
}
