using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Audit;

/// <summary>Why the audit chain does not hold at a given sequence number.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditBreakKind>))]
public enum AuditBreakKind
{
    /// <summary>The entry's fields no longer give its stored hash: it was edited (or moved to another sequence number).</summary>
    Altered,

    /// <summary>No entry bears this sequence number: it was deleted.</summary>
    Missing,

    /// <summary>The entry is intact in itself but does not follow the one before it: inserted, re-ordered or re-chained.</summary>
    Unlinked,
}
