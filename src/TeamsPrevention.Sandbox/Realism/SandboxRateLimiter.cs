namespace TeamsPrevention.Sandbox.Realism;

/// <summary>
/// Sliding-window counters, exact to the tick of the injected <see cref="TimeProvider"/>. A request is charged to
/// several counters at once (per thread, all bots in the thread, per tenant): it is admitted only if every window of
/// every counter has room, and only admitted requests are counted. Thread-safe; cleared on reset.
/// </summary>
public sealed class SandboxRateLimiter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _counters = new(StringComparer.Ordinal);

    /// <summary>Admits the request (and counts it everywhere) or says how long to wait before the first retry can pass.</summary>
    public RateLimitDecision TryAcquire(IEnumerable<RateLimitCharge> charges)
    {
        var list = charges.Where(c => c.Windows.Count > 0).ToList();
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var retryAfter = TimeSpan.Zero;
            foreach (var charge in list)
            {
                var stamps = Counter(charge.Key, charge.Windows, now);
                foreach (var window in charge.Windows)
                {
                    var wait = WaitFor(stamps, window, now);
                    if (wait > retryAfter)
                    {
                        retryAfter = wait;
                    }
                }
            }

            if (retryAfter > TimeSpan.Zero)
            {
                return new RateLimitDecision(false, retryAfter);
            }

            foreach (var charge in list)
            {
                _counters[charge.Key].Enqueue(now);
            }

            return new RateLimitDecision(true, TimeSpan.Zero);
        }
    }

    /// <summary>Forgets every counter.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _counters.Clear();
        }
    }

    private Queue<DateTimeOffset> Counter(string key, IReadOnlyList<RateWindow> windows, DateTimeOffset now)
    {
        if (!_counters.TryGetValue(key, out var stamps))
        {
            stamps = new Queue<DateTimeOffset>();
            _counters[key] = stamps;
        }

        var longest = windows.Max(w => w.Window);
        while (stamps.Count > 0 && stamps.Peek() <= now - longest)
        {
            stamps.Dequeue();
        }

        return stamps;
    }

    /// <summary>Zero when the window has room; otherwise the time until enough of its stamps leave it.</summary>
    private static TimeSpan WaitFor(Queue<DateTimeOffset> stamps, RateWindow window, DateTimeOffset now)
    {
        var start = now - window.Window;
        var inWindow = stamps.Where(s => s > start).ToList();
        if (inWindow.Count < window.Limit)
        {
            return TimeSpan.Zero;
        }

        // The oldest stamp that must leave for one more request to fit.
        var mustLeave = inWindow[inWindow.Count - window.Limit];
        return mustLeave + window.Window - now;
    }
}
