using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// The Teams limits this instance keeps to when it writes to the Bot Connector for one tenant (one pacer per tenant,
/// from <see cref="ConnectorPacers"/>; every write of every feature goes through it, in <see cref="ConnectorClient"/>), as a smooth pacer (a token bucket
/// refilled one token at a time, i.e. GCRA): writes to the tenant are spaced <c>1 s / rate</c> apart, never in bursts
/// at second boundaries; and a log of this instance's writes in the last second (a sliding window, as the service counts)
/// holds back any write that would exceed the limit, e.g. waiters that all woke up late after a CPU stall. Each conversation (thread) is
/// paced the same way at its own limit. Every attempt takes a slot, retries included (the connector client calls
/// <see cref="WaitAsync"/> before each attempt). A 429 pauses the conversation for its <c>Retry-After</c>; when many
/// 429s arrive within one second, a large share of that second's writes (the tenant's limit, not one thread's nor a few
/// refused at random), the whole tenant pauses for the <c>Retry-After</c>.
/// The tenant rate is this instance's share: <see cref="SetInstances"/> divides it between the live instances
/// (heartbeats in the database, recorded by the alerts' worker). Real time, not the injectable clock: Teams counts real seconds.
/// </summary>
public sealed class ConnectorPacer(IOptions<BotOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _threadNext = new(StringComparer.Ordinal);
    private readonly Queue<long> _throttled = new();
    private readonly LinkedList<long> _written = new();
    private long _tenantNext;
    private long _tenantPausedUntil;
    private int _instances = 1;

    /// <summary>How many live instances share the tenant's budget (at least 1).</summary>
    public int Instances => Volatile.Read(ref _instances);

    /// <summary>
    /// Writes per second this instance allows itself for the whole tenant: its share of the limit (less the margin),
    /// and, when several instances share it, one write less per second each — N pacers that are not in step can each
    /// put <c>rate + 1</c> writes into one sliding second, so N × (share − 1 + 1) stays within the limit.
    /// </summary>
    public double TenantRate
    {
        get
        {
            var pacing = options.Value.Pacing;
            var instances = Instances;
            var share = pacing.TenantPerSecond * (1 - pacing.TenantMargin) / instances;
            return Math.Max(0.5, instances > 1 ? share - 1 : share);
        }
    }

    /// <summary>Divides the tenant's budget between <paramref name="instances"/> live instances.</summary>
    public void SetInstances(int instances) => Volatile.Write(ref _instances, Math.Max(1, instances));

    /// <summary>Waits until one more write to <paramref name="thread"/> (when known) and to the tenant is within the limits.</summary>
    /// <param name="thread">The conversation written to, when known.</param>
    /// <param name="ready">
    /// Awaited once the write's slot has come, before the write is counted: the caller may hold it back there (answers
    /// being handled go first). The last second's log still decides when it goes, so a write held back never goes out
    /// in a bunch beyond the limit; its slot is simply not used.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The write's ticket (its place in this second's log), to pass to <see cref="Throttled"/> if it is refused.</returns>
    public async Task<long> WaitAsync(string? thread, CancellationToken cancellationToken, Func<CancellationToken, Task>? ready = null)
    {
        if (thread is not null)
        {
            await DelayUntilAsync(Reserve(thread), cancellationToken);
        }

        // Spaced slots keep writes smooth; the service, though, counts what reaches it in any sliding second. A waiter
        // that woke up late (the process was starved of CPU) goes out only when the writes of the last second leave room:
        // late waiters never go out in a bunch beyond the limit, and a late slot is not thrown away either.
        await DelayUntilAsync(Reserve(null), cancellationToken);
        if (ready is not null)
        {
            await ready(cancellationToken);
        }

        while (true)
        {
            var (ticket, wait) = RecordWrite();
            if (wait is null)
            {
                return ticket;
            }

            await Task.Delay(wait.Value, cancellationToken);
        }
    }

    /// <summary>
    /// A write was answered 429: its conversation pauses for <paramref name="retryAfter"/>; the attempt's tenant slot is
    /// given back (a refused request is not counted by the service's window); and when 429s pile up within one second
    /// (<see cref="ConnectorPacingOptions.TenantPauseAfterThrottled"/> of them, and at least one write in three of that
    /// second refused), the tenant pauses too.
    /// </summary>
    public void Throttled(string? thread, TimeSpan? retryAfter, long ticket)
    {
        var pacing = options.Value.Pacing;
        var now = Stopwatch.GetTimestamp();
        var pause = Ticks(retryAfter ?? TimeSpan.FromSeconds(1));
        lock (_gate)
        {
            if (thread is not null)
            {
                _threadNext[thread] = Math.Max(_threadNext.GetValueOrDefault(thread), now + pause);
            }

            _tenantNext = Math.Max(now, _tenantNext - TenantInterval());
            _written.Remove(ticket);

            _throttled.Enqueue(now);
            while (_throttled.Count > 0 && _throttled.Peek() < now - Stopwatch.Frequency)
            {
                _throttled.Dequeue();
            }

            // The tenant's limit refuses every write beyond it, whatever its conversation: a pause needs many 429s within
            // the second *and* at least one write in three refused. A few percent of writes refused at random (a busy
            // service, conversations at their own limit) pile up to ten in some second of a long fan-out, and pausing
            // the whole tenant for them threw away a second of sending each time.
            var accepted = 0;
            for (var node = _written.Last; node is not null && node.Value > now - Stopwatch.Frequency; node = node.Previous)
            {
                accepted++;
            }

            if (_throttled.Count >= pacing.TenantPauseAfterThrottled && 2 * _throttled.Count >= accepted)
            {
                _tenantPausedUntil = Math.Max(_tenantPausedUntil, now + pause);
                _throttled.Clear();
            }
        }
    }

    private long Reserve(string? thread)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (thread is null)
            {
                var start = Math.Max(now, Math.Max(_tenantNext, _tenantPausedUntil));
                _tenantNext = start + TenantInterval();
                return start;
            }

            if (_threadNext.Count > 10_000)
            {
                foreach (var stale in _threadNext.Where(t => t.Value < now).Select(t => t.Key).ToList())
                {
                    _threadNext.Remove(stale);
                }
            }

            var at = Math.Max(now, _threadNext.GetValueOrDefault(thread));
            _threadNext[thread] = at + (long)(Stopwatch.Frequency / (double)options.Value.Pacing.ThreadPerSecond);
            return at;
        }
    }

    /// <summary>Records a write now when the last second holds fewer than the limit (its ticket); otherwise how long to wait.</summary>
    private (long Ticket, TimeSpan? Wait) RecordWrite()
    {
        var now = Stopwatch.GetTimestamp();
        var limit = Math.Max(1, (int)Math.Floor(TenantRate));
        lock (_gate)
        {
            while (_written.First is { } oldest && oldest.Value <= now - Stopwatch.Frequency)
            {
                _written.RemoveFirst();
            }

            if (_written.Count < limit)
            {
                _written.AddLast(now);
                return (now, null);
            }

            return (0, Stopwatch.GetElapsedTime(now, _written.First!.Value + Stopwatch.Frequency) + TimeSpan.FromMilliseconds(1));
        }
    }

    private long TenantInterval() => (long)(Stopwatch.Frequency / TenantRate);

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Waits until <paramref name="at"/>.</summary>
    private static async Task DelayUntilAsync(long at, CancellationToken cancellationToken)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), at);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }
}
