using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Thresholds of the rule-based anomaly flags the DPO reads (<c>GET /api/audit/anomalies</c>). Section
/// <c>Audit:Anomalies</c>. A flag is a reason to look, never a verdict.
/// </summary>
public sealed class AuditAnomalyOptions
{
    public const string Section = "Audit:Anomalies";

    /// <summary>Bulk viewing: one actor reading at least this many distinct situations within <see cref="BulkViewingWindow"/>.</summary>
    [Range(2, 10_000)]
    public int BulkViewingDistinctSituations { get; set; } = 10;

    public TimeSpan BulkViewingWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Read purposes left out of bulk viewing: opening one's own list of situations audits one view per line, which is
    /// not bulk viewing (default <c>list</c>).
    /// </summary>
    public string[]? BulkViewingIgnoredPurposes { get; set; }

    /// <summary>Reads outside office hours: flagged when an actor makes at least this many in the period.</summary>
    [Range(1, 10_000)]
    public int OffHoursReads { get; set; } = 3;

    /// <summary>The office hours' time zone (IANA id).</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Brussels";

    public TimeOnly OfficeOpens { get; set; } = new(7, 30);

    public TimeOnly OfficeCloses { get; set; } = new(19, 0);

    /// <summary>Office days (default Monday to Friday); Belgian public holidays are never office days.</summary>
    public DayOfWeek[]? OfficeDays { get; set; }

    /// <summary>Repeated denials: at least this many refusals to one actor within <see cref="DenialsWindow"/>.</summary>
    [Range(1, 10_000)]
    public int Denials { get; set; } = 5;

    public TimeSpan DenialsWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Break-glass: flagged from this many uses by one actor in the period (default 1: every use).</summary>
    [Range(1, 10_000)]
    public int BreakGlassUses { get; set; } = 1;

    /// <summary>Identity reveals: at least this many by one actor within <see cref="RevealsWindow"/>.</summary>
    [Range(1, 10_000)]
    public int Reveals { get; set; } = 3;

    public TimeSpan RevealsWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest period one request may scan.</summary>
    public TimeSpan MaxPeriod { get; set; } = TimeSpan.FromDays(366);

    internal IReadOnlyList<string> EffectiveIgnoredPurposes => BulkViewingIgnoredPurposes ?? ["list"];

    internal IReadOnlyList<DayOfWeek> EffectiveOfficeDays =>
        OfficeDays is { Length: > 0 } days
            ? days
            : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    internal IEnumerable<string> Errors()
    {
        if (OfficeOpens >= OfficeCloses)
        {
            yield return "Audit:Anomalies:OfficeOpens must be before OfficeCloses.";
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return "Audit:Anomalies:TimeZone is not a known time zone.";
        }

        if (BulkViewingWindow <= TimeSpan.Zero || DenialsWindow <= TimeSpan.Zero || RevealsWindow <= TimeSpan.Zero || MaxPeriod <= TimeSpan.Zero)
        {
            yield return "Audit:Anomalies windows and MaxPeriod must be positive.";
        }
    }
}
