using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Audit;

/// <summary>Why the audit chain does not hold at a given sequence number.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditBreakKind>))]
public enum AuditBreakKind
{
    /// <summary>The entry's fields no longer give its stored hash: it was edited (or moved to another sequence number), or forged without the key.</summary>
    Altered,

    /// <summary>No entry bears this sequence number: it was deleted.</summary>
    Missing,

    /// <summary>The entry is intact in itself but does not follow the one before it: inserted, re-ordered or re-chained.</summary>
    Unlinked,

    /// <summary>An entry without a chain key after the chain became keyed: written by someone who does not hold the key.</summary>
    Unkeyed,

    /// <summary>The entry names a chain key the App's key ring does not hold.</summary>
    UnknownKey,

    /// <summary>The latest checkpoint's entry is gone: entries were removed from the end of the log.</summary>
    Truncated,

    /// <summary>The entry at the latest checkpoint's sequence has another hash than the one signed: the chain was rewritten up to there.</summary>
    Rewritten,

    /// <summary>The latest checkpoint's signature does not hold: the checkpoint file was tampered with.</summary>
    CheckpointInvalid,
}
