using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// What was done. Stored and hashed by name: never rename a member (add new ones instead).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditAction>))]
public enum AuditAction
{
    View,
    Change,
    Export,
    Share,
    Acknowledge,
    Denied,
    BreakGlass,
    Reveal,
    Purge,
    System,

    /// <summary>A role granted to a person in the directory (who grants it is the actor; the person is the target).</summary>
    Grant,
}
