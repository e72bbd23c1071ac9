using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Sealing;

/// <summary>
/// Rows sealed under some key that <see cref="ResealWorker"/> brings under the current one: the sealed columns of every
/// entity type (<see cref="SealedTextRows"/>) and any feature's own sealed rows (the identity fields), registered as
/// an <see cref="IResealSource"/>.
/// </summary>
public interface IResealSource
{
    /// <summary>What the rows are (a table name), for the log and the status: never content.</summary>
    string Name { get; }

    /// <summary>How many rows each key seals (<see cref="SealingStatus.Plain"/>: rows from before sealing).</summary>
    Task<IReadOnlyDictionary<string, int>> CountByKeyAsync(AppDbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// Seals again under the current key up to <paramref name="batchSize"/> rows still under another key (or plain),
    /// leaving out <paramref name="skip"/> (rows found unreadable earlier), in one transaction. A row changed meanwhile
    /// by someone else is left as it is (their write sealed it).
    /// </summary>
    Task<ResealBatch> ResealAsync(AppDbContext db, int batchSize, IReadOnlyCollection<Guid> skip, CancellationToken cancellationToken);
}

/// <summary>What one batch did: rows sealed again, rows someone else wrote first, rows that did not open, and whether the batch was full.</summary>
public sealed record ResealBatch(int Resealed, int Raced, IReadOnlyList<Guid> Unreadable, bool Full);
