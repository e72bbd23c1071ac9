namespace TeamsPrevention.App.Graph;

public enum RecurrenceFrequency
{
    Daily,
    Weekly,

    /// <summary>On a day of the month (e.g. the 15th).</summary>
    MonthlyOnDate,

    /// <summary>On a weekday of a week of the month (e.g. the second Tuesday; week 5 means the last).</summary>
    MonthlyOnWeekday,
}
