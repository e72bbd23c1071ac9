using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Meetings;

/// <summary>
/// The occurrences of a meeting, as Outlook computes them from the invite: one for a case meeting; for the platform,
/// the same weekday of the same week of each month (the 5th week meaning the last), at the same Brussels local time.
/// </summary>
public static class MeetingOccurrences
{
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Of(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var duration = meeting.EndAt - meeting.StartAt;
        if (meeting.Kind != MeetingKind.Platform || meeting.Occurrences is not { } count || count <= 1)
        {
            return [(meeting.StartAt, meeting.EndAt)];
        }

        var local = BrusselsTime.ToLocal(meeting.StartAt);
        var week = Math.Min((local.Day - 1) / 7 + 1, 5);
        var first = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var result = new List<(DateTimeOffset, DateTimeOffset)>(count);
        for (var i = 0; i < count; i++)
        {
            var month = first.AddMonths(i);
            var day = Weekday(month, local.DayOfWeek, week);
            var at = day + local.TimeOfDay;
            var start = new DateTimeOffset(at, BrusselsTime.Zone.GetUtcOffset(at)).ToUniversalTime();
            result.Add((start, start + duration));
        }

        return result;
    }

    /// <summary>The next occurrence that has not ended yet, if any.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End)? Next(Meeting meeting, DateTimeOffset now) =>
        Of(meeting).Where(o => o.End > now).Select(o => ((DateTimeOffset, DateTimeOffset)?)o).FirstOrDefault();

    private static DateTime Weekday(DateTime monthStart, DayOfWeek day, int week)
    {
        var offset = ((int)day - (int)monthStart.DayOfWeek + 7) % 7;
        var date = monthStart.AddDays(offset + (7 * (week - 1)));
        while (date.Month != monthStart.Month)
        {
            date = date.AddDays(-7);
        }

        return date;
    }
}
