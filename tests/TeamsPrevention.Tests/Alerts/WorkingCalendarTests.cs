using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Alerts;

namespace TeamsPrevention.Tests.Alerts;

public sealed class WorkingCalendarTests
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    [Theory]
    // Plain week: Monday → the fifth working day after it, at closing time.
    [InlineData("2026-03-02 10:00", "2026-03-09 17:00")]
    // Across the spring DST switch (29 March 2026): the deadline is 17:00 summer time.
    [InlineData("2026-03-25 10:00", "2026-04-01 17:00")]
    // Christmas (Friday 25 December) does not count.
    [InlineData("2026-12-23 10:00", "2026-12-31 17:00")]
    // Sent on a Saturday: Monday is the first working day.
    [InlineData("2026-03-07 11:00", "2026-03-13 17:00")]
    public void GivesInfoFiveWorkingDays(string sentLocal, string expectedLocal) =>
        Assert.Equal(Local(expectedLocal), Calendar().Deadline(AlertSeverity.Info, Local(sentLocal)));

    [Theory]
    [InlineData("2026-03-06 10:00", "2026-03-10 17:00")] // Friday → Tuesday
    [InlineData("2026-04-03 10:00", "2026-04-08 17:00")] // Easter Monday skipped
    [InlineData("2026-07-20 09:00", "2026-07-23 17:00")] // National day (21 July) skipped
    [InlineData("2026-05-13 15:00", "2026-05-18 17:00")] // Ascension (Thursday 14 May) skipped
    [InlineData("2026-11-10 22:00", "2026-11-13 17:00")] // Armistice (11 November) skipped, sent in the evening
    public void GivesElevatedTwoWorkingDaysSkippingHolidays(string sentLocal, string expectedLocal) =>
        Assert.Equal(Local(expectedLocal), Calendar().Deadline(AlertSeverity.Elevated, Local(sentLocal)));

    [Theory]
    [InlineData("2026-03-04 10:00", "2026-03-04 11:00")] // inside office hours
    [InlineData("2026-03-04 16:00", "2026-03-04 17:00")] // ends exactly at closing
    [InlineData("2026-03-04 16:45", "2026-03-05 09:15")] // 15 minutes today, 45 the next working day
    [InlineData("2026-03-06 16:45", "2026-03-09 09:15")] // Friday → Monday
    [InlineData("2026-03-04 20:00", "2026-03-05 09:30")] // evening
    [InlineData("2026-03-04 07:00", "2026-03-04 09:30")] // before opening
    [InlineData("2026-03-07 12:00", "2026-03-09 09:30")] // Saturday
    [InlineData("2026-05-13 16:45", "2026-05-15 09:15")] // the eve of Ascension
    [InlineData("2026-03-27 16:45", "2026-03-30 09:15")] // across the spring DST switch
    [InlineData("2026-10-23 16:45", "2026-10-26 09:15")] // across the autumn DST switch
    [InlineData("2026-12-31 16:30", "2027-01-04 09:00")] // New Year's Day, then a weekend
    public void GivesUrgentOneHourOfOfficeTime(string sentLocal, string expectedLocal) =>
        Assert.Equal(Local(expectedLocal), Calendar().Deadline(AlertSeverity.Urgent, Local(sentLocal)));

    [Fact]
    public void StoresDeadlinesInUtcWithTheSummerOffset()
    {
        var deadline = Calendar().Deadline(AlertSeverity.Urgent, Local("2026-03-27 16:45"));
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 15, 0, TimeSpan.Zero), deadline);
    }

    [Fact]
    public void UsesConfiguredOfficeHours()
    {
        var calendar = Calendar(o =>
        {
            o.OfficeOpens = new TimeOnly(9, 0);
            o.OfficeCloses = new TimeOnly(12, 0);
        });
        Assert.Equal(Local("2026-03-05 09:30"), calendar.Deadline(AlertSeverity.Urgent, Local("2026-03-04 11:30")));
        Assert.Equal(Local("2026-03-06 12:00"), calendar.Deadline(AlertSeverity.Elevated, Local("2026-03-04 11:30")));
    }

    [Fact]
    public void SkipsConfiguredClosedDaysAndWeekdays()
    {
        var calendar = Calendar(o =>
        {
            o.ExtraClosedDays = [new DateOnly(2026, 3, 5)];
            o.OfficeDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];
        });
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 5)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 6)));
        Assert.Equal(Local("2026-03-09 09:15"), calendar.Deadline(AlertSeverity.Urgent, Local("2026-03-04 16:45")));
    }

    [Theory]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-04-06", false)]
    [InlineData("2026-05-01", false)]
    [InlineData("2026-05-25", false)]
    [InlineData("2026-07-21", false)]
    [InlineData("2026-11-11", false)]
    [InlineData("2026-12-25", false)]
    [InlineData("2026-03-08", false)]
    [InlineData("2026-03-09", true)]
    [InlineData("2026-07-22", true)]
    public void KnowsBelgianPublicHolidays(string day, bool working) =>
        Assert.Equal(working, Calendar().IsWorkingDay(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static WorkingCalendar Calendar(Action<AlertOptions>? configure = null)
    {
        var options = new AlertOptions();
        configure?.Invoke(options);
        return new WorkingCalendar(Options.Create(options));
    }

    private static DateTimeOffset Local(string text)
    {
        var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, Brussels.GetUtcOffset(local)).ToUniversalTime();
    }
}
