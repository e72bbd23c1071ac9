using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Appends to the hash-chained audit log. Every feature calls <see cref="RecordAsync"/> for each view, change, export,
/// share, acknowledgement, denied access, break-glass, reveal and purge.
/// <para>
/// Appends are serialised across every instance of the App so that the chain never forks: on PostgreSQL by a
/// transaction-level advisory lock, on SQLite by the file's write lock (<c>BEGIN IMMEDIATE</c>). The primary key on
/// the sequence number is the last line of defence.
/// </para>
/// <para>
/// If the caller has a transaction open on the same <see cref="AppDbContext"/>, the entry joins it: the change and its
/// audit entry commit (or roll back) together, and the chain stays locked until the caller commits, so keep that
/// transaction short. On SQLite the caller's transaction must hold the write lock already (EF Core's
/// <c>BeginTransactionAsync</c> does: it issues <c>BEGIN IMMEDIATE</c>). Otherwise the entry commits on its own.
/// The entry is written with its own statement: pending changes tracked by the context are not saved by this call.
/// </para>
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider time, ILogger<AuditLog> logger)
{
    /// <summary>The transaction-level advisory lock key of appends on PostgreSQL ("TPAUDIT" as ASCII).</summary>
    public const long PostgresAppendLockKey = 0x0054504155444954;

    /// <summary>Entries per INSERT statement: 12 parameters each, well under SQLite's and PostgreSQL's parameter limits.</summary>
    private const int RowsPerInsert = 100;

    public async Task<AuditEntry> RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (await RecordManyAsync([record], cancellationToken))[0];
    }

    /// <summary>
    /// Appends several entries, in order, in one transaction with one read of the chain's head and one statement per
    /// hundred entries: what a list view records (one entry per situation shown) without a commit, a head read and a
    /// round trip per entry.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> RecordManyAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return [];
        }

        foreach (var record in records)
        {
            record.Validate();
        }

        var joined = db.Database.CurrentTransaction is not null;
        await using var transaction = joined ? null : await db.Database.BeginTransactionAsync(cancellationToken);

        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresAppendLockKey})", cancellationToken);
        }

        var head = await db.Set<AuditEntry>()
            .AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);

        var sequence = head?.Sequence ?? 0;
        var previousHash = head?.Hash ?? AuditHasher.Genesis;
        var occurredAt = AuditHasher.Truncate(time.GetUtcNow());
        var entries = new List<AuditEntry>(records.Count);
        foreach (var record in records)
        {
            sequence++;
            var entry = new AuditEntry
            {
                Sequence = sequence,
                OccurredAt = occurredAt,
                Actor = record.Actor,
                ActorRole = record.ActorRole,
                Action = record.Action,
                SituationCode = record.SituationCode,
                TargetType = record.TargetType,
                TargetId = record.TargetId,
                Purpose = record.Purpose,
                Outcome = record.Outcome,
                PreviousHash = previousHash,
                Hash = AuditHasher.Compute(
                    sequence, occurredAt, record.Actor, record.ActorRole, record.Action, record.SituationCode,
                    record.TargetType, record.TargetId, record.Purpose, record.Outcome, previousHash),
            };
            previousHash = entry.Hash;
            entries.Add(entry);
        }

        // One multi-row INSERT per RowsPerInsert entries (a list view appends hundreds, a batch of card answers dozens):
        // on PostgreSQL one round trip instead of one per entry, on SQLite one statement to prepare. Plain ADO.NET on the
        // context's own connection and transaction; the SQLite context stores times as UTC ticks (see
        // UtcTicksConverter), and ADO.NET bypasses converters.
        object storedTime = db.Provider == DatabaseProvider.Sqlite ? occurredAt.UtcTicks : occurredAt;
        foreach (var chunk in entries.Chunk(RowsPerInsert))
        {
            await using var insert = db.Database.GetDbConnection().CreateCommand();
            insert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            var rows = new List<string>(chunk.Length);
            foreach (var entry in chunk)
            {
                object?[] values =
                [
                    entry.Sequence, storedTime, entry.Actor, entry.ActorRole, entry.Action.ToString(), entry.SituationCode,
                    entry.TargetType, entry.TargetId, entry.Purpose, entry.Outcome.ToString(), entry.PreviousHash, entry.Hash,
                ];
                var names = new string[values.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    var parameter = insert.CreateParameter();
                    parameter.ParameterName = names[i] = $"@p{insert.Parameters.Count}";
                    parameter.Value = values[i] ?? DBNull.Value;
                    insert.Parameters.Add(parameter);
                }

                rows.Add($"({string.Join(", ", names)})");
            }

            insert.CommandText = $"""
                INSERT INTO "AuditEntries" ("Sequence", "OccurredAt", "Actor", "ActorRole", "Action", "SituationCode", "TargetType", "TargetId", "Purpose", "Outcome", "PreviousHash", "Hash")
                VALUES {string.Join(", ", rows)}
                """;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var entry in entries)
        {
            AuditLogEvents.Appended(logger, entry.Sequence, entry.Action, joined);
        }

        return entries;
    }
}
