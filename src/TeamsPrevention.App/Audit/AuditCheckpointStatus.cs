using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Audit;

/// <summary>How the database compares with the latest checkpoint written outside it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditCheckpointStatus>))]
public enum AuditCheckpointStatus
{
    /// <summary>The entry at the checkpoint's sequence has the hash the checkpoint signed.</summary>
    Matched,

    /// <summary>That entry has another hash: the chain was rewritten up to there.</summary>
    Mismatched,

    /// <summary>That entry is gone: entries were removed from the end of the log.</summary>
    Truncated,

    /// <summary>The latest checkpoint's signature does not hold (or its line is not a checkpoint): the checkpoint file was tampered with.</summary>
    Invalid,
}
