using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Audit;

/// <summary>How the audited action ended. Stored and hashed by name: never rename a member.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditOutcome>))]
public enum AuditOutcome
{
    Success,
    Denied,
    Failed,
}
