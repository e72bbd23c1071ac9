using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Audit;

/// <summary>The rules behind anomaly flags (thresholds in <see cref="AuditAnomalyOptions"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditAnomalyRule>))]
public enum AuditAnomalyRule
{
    /// <summary>Many distinct situations read by one actor in a short time.</summary>
    BulkViewing,

    /// <summary>Reads of situations outside office hours (evenings, weekends, Belgian public holidays).</summary>
    OffHoursReads,

    /// <summary>Repeated refusals to one actor.</summary>
    RepeatedDenials,

    /// <summary>Out-of-scope (break-glass) accesses.</summary>
    BreakGlass,

    /// <summary>Many identity reveals by one actor in a short time.</summary>
    IdentityReveals,
}
