using Microsoft.Extensions.Options;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>
/// Graph's Teams throttling as a sliding window: at most <see cref="SandboxGraphOptions.AppRequestsPerWindow"/>
/// requests per app per tenant and <see cref="SandboxGraphOptions.TeamRequestsPerWindow"/> per app on one team or
/// channel, in <see cref="SandboxGraphOptions.ThrottleWindow"/>. A refused request is not counted.
/// Time comes from the injected <see cref="TimeProvider"/> so tests can move the window.
/// </summary>
public sealed class GraphThrottle(IOptions<SandboxGraphOptions> options, TimeProvider time)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    /// <summary>Counts a request against every scope it touches; null when allowed, else how long to wait.</summary>
    /// <param name="caller">The app and tenant.</param>
    /// <param name="resourceKeys">The team and/or channel the request addresses (e.g. <c>team:{id}</c>).</param>
    public TimeSpan? TryAcquire(GraphCaller caller, IReadOnlyCollection<string> resourceKeys)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var scopes = new List<(string Key, int Limit)> { ($"app:{caller.ThrottleKey}", settings.AppRequestsPerWindow) };
        scopes.AddRange(resourceKeys.Select(k => ($"{caller.ThrottleKey}/{k}", settings.TeamRequestsPerWindow)));

        lock (_sync)
        {
            TimeSpan? wait = null;
            foreach (var (key, limit) in scopes)
            {
                var window = Window(key, now, settings.ThrottleWindow);
                if (window.Count >= limit)
                {
                    var freeAt = window.ElementAt(window.Count - limit) + settings.ThrottleWindow;
                    var scopeWait = freeAt - now;
                    wait = wait is null || scopeWait > wait ? scopeWait : wait;
                }
            }

            if (wait is not null)
            {
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            foreach (var (key, _) in scopes)
            {
                _windows[key].Enqueue(now);
            }

            return null;
        }
    }

    /// <summary>Forgets every window (the sandbox reset).</summary>
    public void Reset()
    {
        lock (_sync)
        {
            _windows.Clear();
        }
    }

    private Queue<DateTimeOffset> Window(string key, DateTimeOffset now, TimeSpan length)
    {
        if (!_windows.TryGetValue(key, out var window))
        {
            window = new Queue<DateTimeOffset>();
            _windows[key] = window;
        }

        while (window.Count > 0 && window.Peek() + length <= now)
        {
            window.Dequeue();
        }

        return window;
    }
}
