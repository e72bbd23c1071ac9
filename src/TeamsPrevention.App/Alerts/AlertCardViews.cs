using System.Collections.Concurrent;
using System.Diagnostics;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// The latest card view of each alert being delivered, by version: a fan-out builds it once, not once per recipient
/// (three queries saved per card). Any answer or withdrawal raises the alert's version, so a cached view is never
/// shown for a newer version; entries also expire after a few seconds (an organisation renamed meanwhile).
/// </summary>
public sealed class AlertCardViews
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<Guid, (AlertCardView View, long At)> _views = new();

    public AlertCardView? Find(Guid alertId, int version) =>
        _views.TryGetValue(alertId, out var entry) && entry.View.Version == version && Stopwatch.GetElapsedTime(entry.At) < Lifetime
            ? entry.View
            : null;

    public void Keep(AlertCardView view)
    {
        if (_views.Count > 1_000)
        {
            _views.Clear();
        }

        _views[view.AlertId] = (view, Stopwatch.GetTimestamp());
    }
}
