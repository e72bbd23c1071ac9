using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Audit;

/// <summary>What an attempt to checkpoint the chain's head did.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditCheckpointOutcome>))]
public enum AuditCheckpointOutcome
{
    /// <summary>A new checkpoint was appended.</summary>
    Written,

    /// <summary>The head has not moved since the latest checkpoint: nothing appended.</summary>
    Unchanged,

    /// <summary>The log is empty: nothing to anchor.</summary>
    Empty,

    /// <summary>
    /// The chain since the latest checkpoint does not hold (or the latest checkpoint is invalid): a checkpoint now would
    /// anchor the tampered chain, so none is written.
    /// </summary>
    Refused,
}
