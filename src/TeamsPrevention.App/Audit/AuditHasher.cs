using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// The canonical form of an audit entry and its SHA-256. The form is a JSON array, in this fixed order:
/// <c>["tp-audit-v1", sequence, "yyyy-MM-ddTHH:mm:ss.ffffffZ", actor, actorRole, action, situationCode, targetType,
/// targetId, purpose, outcome, previousHash]</c>, absent values as JSON <c>null</c> (so null and "" differ), enums by name.
/// An auditor can recompute it with any JSON library.
/// </summary>
public static class AuditHasher
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string Version = "tp-audit-v1";

    /// <summary>Times are hashed and stored to the microsecond, the precision PostgreSQL keeps.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    public static string Compute(AuditEntry entry) => Compute(
        entry.Sequence, entry.OccurredAt, entry.Actor, entry.ActorRole, entry.Action, entry.SituationCode,
        entry.TargetType, entry.TargetId, entry.Purpose, entry.Outcome, entry.PreviousHash);

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
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(Version);
            json.WriteNumberValue(sequence);
            json.WriteStringValue(occurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
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
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
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
