namespace TeamsPrevention.App.Graph;

/// <summary>
/// How a meeting repeats: every <see cref="Interval"/> days or weeks (on <see cref="DaysOfWeek"/>), or months
/// (on <see cref="DayOfMonth"/>, or on the <see cref="WeekOfMonth"/>-th <see cref="DaysOfWeek"/>), from
/// <see cref="StartDate"/> until <see cref="EndDate"/>, for <see cref="Occurrences"/>, or without end.
/// </summary>
public sealed record MeetingRecurrence(
    RecurrenceFrequency Frequency,
    int Interval,
    DateOnly StartDate,
    IReadOnlyList<DayOfWeek>? DaysOfWeek = null,
    int? DayOfMonth = null,
    int? WeekOfMonth = null,
    DateOnly? EndDate = null,
    int? Occurrences = null);
