namespace TeamsPrevention.App.Hosting;

/// <summary>
/// The dates a request may carry: far enough apart for any real period (an audit search since 1900, a meeting series
/// years ahead), and far from <see cref="DateTimeOffset"/>'s own limits, so that widening a period to whole months,
/// adding a default span or a meeting's occurrences never overflows (which answered 500).
/// </summary>
public static class RequestDates
{
    public static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(2999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool InRange(DateTimeOffset at) => at >= Earliest && at <= Latest;

    public static bool InRange(DateOnly day) => InRange(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
