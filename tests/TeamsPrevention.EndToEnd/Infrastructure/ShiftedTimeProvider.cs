namespace TeamsPrevention.EndToEnd.Infrastructure;

/// <summary>
/// The system clock moved forward by <see cref="Offset"/>: timers and delays still run in real time (so background
/// services keep polling), while every "now" the App and its embedded sandbox read jumps when the test calls
/// <see cref="Advance"/>. The sandbox issues and checks its tokens on this clock too; the App's own token checks use
/// the real clock, so tokens a test needs after a jump are obtained before it.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    public void Advance(TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount.Ticks, nameof(amount));
        Interlocked.Add(ref _offsetTicks, amount.Ticks);
    }
}
