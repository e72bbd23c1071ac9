using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Alerts;

/// <summary>The <c>Alerts</c> section: the working calendar of deadlines, escalation and delivery.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>The calendar's time zone (IANA id).</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Brussels";

    /// <summary>Office hours open (local time), e.g. <c>08:30</c>.</summary>
    public TimeOnly OfficeOpens { get; set; } = new(8, 30);

    /// <summary>Office hours close (local time), e.g. <c>17:00</c>.</summary>
    public TimeOnly OfficeCloses { get; set; } = new(17, 0);

    /// <summary>Working days of the week (default Monday to Friday).</summary>
    public DayOfWeek[]? OfficeDays { get; set; }

    /// <summary>Days the city closes besides the Belgian public holidays (e.g. a local holiday).</summary>
    public DateOnly[]? ExtraClosedDays { get; set; }

    [Range(1, 30)]
    public int InfoWorkingDays { get; set; } = 5;

    [Range(1, 30)]
    public int ElevatedWorkingDays { get; set; } = 2;

    /// <summary>Urgent: office time to answer (counted only within office hours).</summary>
    public TimeSpan UrgentOfficeTime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Cards refresh themselves for this many recipients (Teams' <c>refresh.userIds</c> limit); beyond, each card is updated.</summary>
    [Range(0, 60)]
    public int RefreshUserLimit { get; set; } = 60;

    /// <summary>How often the background service looks for deliveries and escalations due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public AlertDeliveryOptions Delivery { get; set; } = new();

    internal IReadOnlyList<DayOfWeek> WorkingWeekdays =>
        OfficeDays is { Length: > 0 } days
            ? days
            : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
}
