using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// The canonical form of an audit entry and its hash. Keyed entries (<see cref="AuditEntry.KeyId"/> set) are
/// HMAC-SHA256, under the chain key of that id, of the JSON array <c>["tp-audit-v2", keyId, sequence,
/// "yyyy-MM-ddTHH:mm:ss.ffffffZ", actor, actorRole, action, situationCode, targetType, targetId, purpose, outcome,
/// previousHash]</c>. Entries written before the chain was keyed are SHA-256 of the same array without the key id and
/// versioned <c>"tp-audit-v1"</c>. Absent values are JSON <c>null</c> (so null and "" differ), enums by name. An auditor
/// holding the key ring can recompute either with any JSON library.
/// </summary>
public static class AuditHasher
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string Version = "tp-audit-v1";
    private const string KeyedVersion = "tp-audit-v2";
    private const string CheckpointVersion = "tp-audit-checkpoint-v1";

    /// <summary>Times are hashed and stored to the microsecond, the precision PostgreSQL keeps.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    /// <summary>The unkeyed SHA-256 of an entry written before the chain was keyed (its key id is ignored).</summary>
    public static string Compute(AuditEntry entry) => Compute(
        entry.Sequence, entry.OccurredAt, entry.Actor, entry.ActorRole, entry.Action, entry.SituationCode,
        entry.TargetType, entry.TargetId, entry.Purpose, entry.Outcome, entry.PreviousHash);

    /// <summary>The HMAC-SHA256 of an entry under <paramref name="key"/>, bound to its <see cref="AuditEntry.KeyId"/>.</summary>
    public static string ComputeKeyed(AuditEntry entry, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.KeyId);
        return ComputeKeyed(
            key, entry.KeyId, entry.Sequence, entry.OccurredAt, entry.Actor, entry.ActorRole, entry.Action, entry.SituationCode,
            entry.TargetType, entry.TargetId, entry.Purpose, entry.Outcome, entry.PreviousHash);
    }

    public static string Compute(
        long sequence,
        DateTimeOffset occurredAt,
        string actor,
        string? actorRole,
        AuditAction action,
        string? situationCode,
        string? targetType,
        string? targetId,
        string? purpose,
        AuditOutcome outcome,
        string previousHash)
    {
        using var buffer = Canonical(null, sequence, occurredAt, actor, actorRole, action, situationCode, targetType, targetId, purpose, outcome, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    public static string ComputeKeyed(
        ReadOnlySpan<byte> key,
        string keyId,
        long sequence,
        DateTimeOffset occurredAt,
        string actor,
        string? actorRole,
        AuditAction action,
        string? situationCode,
        string? targetType,
        string? targetId,
        string? purpose,
        AuditOutcome outcome,
        string previousHash)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        using var buffer = Canonical(keyId, sequence, occurredAt, actor, actorRole, action, situationCode, targetType, targetId, purpose, outcome, previousHash);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    /// <summary>
    /// The signature of a checkpoint: HMAC-SHA256 under the chain key <paramref name="keyId"/> of
    /// <c>["tp-audit-checkpoint-v1", sequence, hash, "yyyy-MM-ddTHH:mm:ss.ffffffZ", keyId]</c>.
    /// </summary>
    public static string SignCheckpoint(ReadOnlySpan<byte> key, long sequence, string hash, DateTimeOffset writtenAt, string keyId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(CheckpointVersion);
            json.WriteNumberValue(sequence);
            json.WriteStringValue(hash);
            json.WriteStringValue(Format(writtenAt));
            json.WriteStringValue(keyId);
            json.WriteEndArray();
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    /// <summary>Two hex hashes compared in constant time.</summary>
    public static bool SameHash(string? left, string? right) =>
        left is not null && right is not null && left.Length == right.Length
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(left), System.Text.Encoding.ASCII.GetBytes(right));

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static MemoryStream Canonical(
        string? keyId,
        long sequence,
        DateTimeOffset occurredAt,
        string actor,
        string? actorRole,
        AuditAction action,
        string? situationCode,
        string? targetType,
        string? targetId,
        string? purpose,
        AuditOutcome outcome,
        string previousHash)
    {
        var buffer = new MemoryStream(256);
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartArray();
        if (keyId is null)
        {
            json.WriteStringValue(Version);
        }
        else
        {
            json.WriteStringValue(KeyedVersion);
            json.WriteStringValue(keyId);
        }

        json.WriteNumberValue(sequence);
        json.WriteStringValue(Format(occurredAt));
        WriteNullable(json, actor);
        WriteNullable(json, actorRole);
        json.WriteStringValue(action.ToString());
        WriteNullable(json, situationCode);
        WriteNullable(json, targetType);
        WriteNullable(json, targetId);
        WriteNullable(json, purpose);
        json.WriteStringValue(outcome.ToString());
        WriteNullable(json, previousHash);
        json.WriteEndArray();
        json.Flush();
        return buffer;
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }
}
