using Microsoft.Extensions.Options;
using PublicHoliday;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Answer deadlines on the city's calendar (Europe/Brussels, Belgian public holidays, office hours from
/// <see cref="AlertOptions"/>). Takes and returns UTC; local times are converted with the zone's rules, so daylight
/// saving changes are honoured.
/// <list type="bullet">
/// <item>Info / Elevated: the end of office hours on the Nth working day after the day of sending (that day does not count).</item>
/// <item>Urgent: 1 hour of office time; time outside office hours (evenings, weekends, holidays) does not count.</item>
/// </list>
/// </summary>
public sealed class WorkingCalendar
{
    private readonly AlertOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly BelgiumPublicHoliday _holidays = new();
    private readonly HashSet<DayOfWeek> _weekdays;
    private readonly HashSet<DateOnly> _closed;

    public WorkingCalendar(IOptions<AlertOptions> options)
    {
        _options = options.Value;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone);
        _weekdays = [.. _options.WorkingWeekdays];
        _closed = [.. _options.ExtraClosedDays ?? []];
    }

    public TimeZoneInfo Zone => _zone;

    public bool IsWorkingDay(DateOnly day) =>
        _weekdays.Contains(day.DayOfWeek) && !_closed.Contains(day) && !_holidays.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The answer deadline (UTC) of an alert of <paramref name="severity"/> sent at <paramref name="sentAt"/>.</summary>
    public DateTimeOffset Deadline(AlertSeverity severity, DateTimeOffset sentAt) => severity switch
    {
        AlertSeverity.Info => AddWorkingDays(sentAt, _options.InfoWorkingDays),
        AlertSeverity.Elevated => AddWorkingDays(sentAt, _options.ElevatedWorkingDays),
        AlertSeverity.Urgent => AddOfficeTime(sentAt, _options.UrgentOfficeTime),
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>Office closing time of the <paramref name="days"/>th working day after <paramref name="from"/>'s local date.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var day = DateOnly.FromDateTime(ToLocal(from).DateTime);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return ToUtc(day, _options.OfficeCloses);
    }

    /// <summary><paramref name="amount"/> of office time after <paramref name="from"/>.</summary>
    public DateTimeOffset AddOfficeTime(DateTimeOffset from, TimeSpan amount)
    {
        var remaining = amount;
        var cursor = from.ToUniversalTime();
        var day = DateOnly.FromDateTime(ToLocal(cursor).DateTime);
        for (var guard = 0; guard < 3660; guard++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var opens = ToUtc(day, _options.OfficeOpens);
            var closes = ToUtc(day, _options.OfficeCloses);
            var start = cursor > opens ? cursor : opens;
            if (start >= closes)
            {
                continue;
            }

            if (closes - start >= remaining)
            {
                return start + remaining;
            }

            remaining -= closes - start;
        }

        throw new InvalidOperationException("No office time in the next ten years: check Alerts:OfficeDays.");
    }

    /// <summary>The local (Europe/Brussels) time of a UTC instant, with its offset.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, _zone);

    private DateTimeOffset ToUtc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(local))
        {
            // Inside the spring-forward gap: the wall clock jumps, take the first valid instant after it.
            local = local.AddHours(1);
        }

        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
