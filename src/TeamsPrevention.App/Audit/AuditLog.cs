using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Appends to the hash-chained audit log: each entry is sealed with an HMAC under the ring's current chain key
/// (<see cref="AuditKeyRing"/>), which the database does not hold. Every feature calls <see cref="RecordAsync"/> for
/// each view, change, export, share, acknowledgement, denied access, break-glass, reveal and purge.
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
public sealed class AuditLog(AppDbContext db, AuditKeyRing keys, TimeProvider time, ILogger<AuditLog> logger)
{
    /// <summary>The transaction-level advisory lock key of appends on PostgreSQL ("TPAUDIT" as ASCII).</summary>
    public const long PostgresAppendLockKey = 0x0054504155444954;

    public async Task<AuditEntry> RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (await RecordManyAsync([record], cancellationToken))[0];
    }

    /// <summary>
    /// Appends several entries, in order, in one transaction with one read of the chain's head and one statement: what a
    /// list view records (one entry per situation shown) without a commit, a head read and a round trip per entry.
    /// </summary>
    public Task<IReadOnlyList<AuditEntry>> RecordManyAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken) =>
        AppendAsync(records, sync: false, cancellationToken);

    /// <summary>
    /// <see cref="RecordManyAsync"/> with the database driver's synchronous calls, for a thread of its own that waits on
    /// each round trip (the card answers' batches: <see cref="Alerts.AlertAnswerWriter"/>).
    /// </summary>
    public IReadOnlyList<AuditEntry> RecordMany(IReadOnlyList<AuditRecord> records) =>
        AppendAsync(records, sync: true, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The append, written once for both ways of calling the driver (with <paramref name="sync"/>, it completes before it returns).</summary>
    private async Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditRecord> records, bool sync, CancellationToken cancellationToken)
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
        await using var transaction = joined ? null : sync ? db.Database.BeginTransaction() : await db.Database.BeginTransactionAsync(cancellationToken);

        var (sequence, previousHash) = await ReadHeadAsync(sync, cancellationToken);
        var occurredAt = AuditHasher.Truncate(time.GetUtcNow());
        var keyId = keys.CurrentId;
        var key = keys.Current;
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
                KeyId = keyId,
                Hash = AuditHasher.ComputeKeyed(
                    key, keyId, sequence, occurredAt, record.Actor, record.ActorRole, record.Action, record.SituationCode,
                    record.TargetType, record.TargetId, record.Purpose, record.Outcome, previousHash),
            };
            previousHash = entry.Hash;
            entries.Add(entry);
        }

        // One INSERT of all the entries as a table (SqlRows: a list view appends hundreds, a batch of card answers
        // dozens): one round trip on PostgreSQL, one short statement on SQLite. Plain ADO.NET on the context's own
        // connection and transaction.
        var (rows, parameters) = SqlRows.Of(
            db,
            "entries",
            entries.Select(e => e.Sequence).ToArray(),
            entries.Select(e => e.OccurredAt).ToArray(),
            entries.Select(e => e.Actor).ToArray(),
            entries.Select(e => e.ActorRole).ToArray(),
            entries.Select(e => e.Action.ToString()).ToArray(),
            entries.Select(e => e.SituationCode).ToArray(),
            entries.Select(e => e.TargetType).ToArray(),
            entries.Select(e => e.TargetId).ToArray(),
            entries.Select(e => e.Purpose).ToArray(),
            entries.Select(e => e.Outcome.ToString()).ToArray(),
            entries.Select(e => e.PreviousHash).ToArray(),
            entries.Select(e => e.KeyId).ToArray(),
            entries.Select(e => e.Hash).ToArray());
        using (var insert = db.Database.GetDbConnection().CreateCommand())
        {
            insert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            insert.Parameters.AddRange(parameters);
            insert.CommandText = $"""
                INSERT INTO "AuditEntries" ("Sequence", "OccurredAt", "Actor", "ActorRole", "Action", "SituationCode", "TargetType", "TargetId", "Purpose", "Outcome", "PreviousHash", "KeyId", "Hash")
                {rows}
                """;
            _ = sync ? insert.ExecuteNonQuery() : await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (transaction is not null)
        {
            if (sync)
            {
                transaction.Commit();
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        foreach (var entry in entries)
        {
            AuditLogEvents.Appended(logger, entry.Sequence, entry.Action, joined);
        }

        return entries;
    }

    /// <summary>
    /// The chain's head (sequence and hash; 0 and the genesis hash when empty), read after taking the append lock on
    /// PostgreSQL: the lock and the read are two statements sent in one round trip. Two statements, because under READ
    /// COMMITTED each statement reads what was committed when it started: the read must start once the lock is held, or
    /// it could miss the entries of the append that held it.
    /// </summary>
    private async Task<(long Sequence, string Hash)> ReadHeadAsync(bool sync, CancellationToken cancellationToken)
    {
        const string Head = """SELECT "Sequence", "Hash" FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1""";
        // Inside the append's transaction: the connection is open.
        using var read = db.Database.GetDbConnection().CreateCommand();
        read.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        read.CommandText = db.Provider == DatabaseProvider.Postgres
            ? $"SELECT pg_advisory_xact_lock({PostgresAppendLockKey}); {Head}"
            : Head;
        var reader = sync ? read.ExecuteReader() : await read.ExecuteReaderAsync(cancellationToken);
        try
        {
            if (db.Provider == DatabaseProvider.Postgres)
            {
                _ = sync ? reader.NextResult() : await reader.NextResultAsync(cancellationToken);
            }

            return (sync ? reader.Read() : await reader.ReadAsync(cancellationToken)) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditHasher.Genesis);
        }
        finally
        {
            if (sync)
            {
                reader.Dispose();
            }
            else
            {
                await reader.DisposeAsync();
            }
        }
    }
}
