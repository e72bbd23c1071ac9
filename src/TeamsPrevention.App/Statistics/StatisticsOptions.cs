using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Statistics;

/// <summary>Statistics for the Diagnostic local de sécurité. Section <c>Statistics</c>.</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>
    /// Every cell (totals included) below this count is answered as suppressed, never as a number (requirement 16).
    /// Default 5.
    /// </summary>
    [Range(1, 1000)]
    public int MinimumCount { get; set; } = 5;

    /// <summary>The longest period one request may cover, in months.</summary>
    [Range(1, 240)]
    public int MaxMonths { get; set; } = 60;

    /// <summary>Months are calendar months in this zone (IANA id).</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Brussels";
}
