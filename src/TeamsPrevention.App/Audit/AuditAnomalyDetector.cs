using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PublicHoliday;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Rule-based anomaly flags over the audit log (requirement 14): bulk viewing, reads outside office hours, repeated
/// denials, break-glass uses, identity reveals. Windowed rules slide a window over each actor's entries and merge
/// overlapping bursts into one flag. What the App does by itself (<see cref="AuditRecord.SystemActor"/>) is never flagged.
/// </summary>
public sealed class AuditAnomalyDetector(AppDbContext db, IOptions<AuditAnomalyOptions> options)
{
    private static readonly BelgiumPublicHoliday Holidays = new();

    private readonly AuditAnomalyOptions _options = options.Value;

    /// <summary>Flags for the entries in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public async Task<IReadOnlyList<AuditAnomaly>> DetectAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var start = from.ToUniversalTime();
        var end = to.ToUniversalTime();
        var entries = await db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.OccurredAt >= start && e.OccurredAt < end && e.Actor != AuditRecord.SystemActor)
            .Where(e => e.Outcome == AuditOutcome.Denied || e.Action == AuditAction.View || e.Action == AuditAction.BreakGlass || e.Action == AuditAction.Reveal)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return Detect(entries);
    }

    internal IReadOnlyList<AuditAnomaly> Detect(IReadOnlyList<AuditEntry> entries)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone);
        var ignored = _options.EffectiveIgnoredPurposes.ToHashSet(StringComparer.Ordinal);
        var flags = new List<AuditAnomaly>();
        foreach (var actor in entries.Where(e => e.Actor != AuditRecord.SystemActor).GroupBy(e => e.Actor, StringComparer.Ordinal))
        {
            var own = actor.OrderBy(e => e.OccurredAt).ThenBy(e => e.Sequence).ToList();
            var reads = own.Where(e => e.Action == AuditAction.View && e.Outcome == AuditOutcome.Success && e.SituationCode is not null).ToList();

            flags.AddRange(Windowed(
                AuditAnomalyRule.BulkViewing,
                [.. reads.Where(e => e.Purpose is null || !ignored.Contains(e.Purpose))],
                _options.BulkViewingWindow,
                _options.BulkViewingDistinctSituations,
                e => e.SituationCode!));
            flags.AddRange(Whole(AuditAnomalyRule.OffHoursReads, [.. reads.Where(e => !IsOfficeTime(e.OccurredAt, zone))], _options.OffHoursReads));
            flags.AddRange(Windowed(
                AuditAnomalyRule.RepeatedDenials,
                [.. own.Where(e => e.Outcome == AuditOutcome.Denied)],
                _options.DenialsWindow,
                _options.Denials,
                e => e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            flags.AddRange(Whole(AuditAnomalyRule.BreakGlass, [.. own.Where(e => e.Action == AuditAction.BreakGlass)], _options.BreakGlassUses));
            flags.AddRange(Windowed(
                AuditAnomalyRule.IdentityReveals,
                [.. own.Where(e => e.Action == AuditAction.Reveal && e.Outcome == AuditOutcome.Success)],
                _options.RevealsWindow,
                _options.Reveals,
                e => e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return [.. flags.OrderBy(f => f.From).ThenBy(f => f.Rule).ThenBy(f => f.Actor, StringComparer.Ordinal)];
    }

    internal bool IsOfficeTime(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return _options.EffectiveOfficeDays.Contains(day.DayOfWeek)
            && !Holidays.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue))
            && time >= _options.OfficeOpens
            && time < _options.OfficeCloses;
    }

    /// <summary>One flag for all of an actor's matching entries in the period, when there are enough.</summary>
    private static IEnumerable<AuditAnomaly> Whole(AuditAnomalyRule rule, List<AuditEntry> events, int threshold)
    {
        if (events.Count >= threshold && events.Count > 0)
        {
            yield return Flag(rule, events, threshold, events.Count);
        }
    }

    /// <summary>
    /// Slides a window of <paramref name="window"/> over the entries (sorted by time); each position holding at least
    /// <paramref name="threshold"/> distinct keys marks its entries; overlapping marks merge into one burst, one flag.
    /// </summary>
    private static IEnumerable<AuditAnomaly> Windowed(AuditAnomalyRule rule, List<AuditEntry> events, TimeSpan window, int threshold, Func<AuditEntry, string> key)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var bursts = new List<(int Start, int End)>();
        var left = 0;
        for (var right = 0; right < events.Count; right++)
        {
            var added = key(events[right]);
            counts[added] = counts.GetValueOrDefault(added) + 1;
            while (events[right].OccurredAt - events[left].OccurredAt > window)
            {
                var removed = key(events[left]);
                if (--counts[removed] == 0)
                {
                    counts.Remove(removed);
                }

                left++;
            }

            if (counts.Count >= threshold)
            {
                if (bursts.Count > 0 && left <= bursts[^1].End)
                {
                    bursts[^1] = (bursts[^1].Start, right);
                }
                else
                {
                    bursts.Add((left, right));
                }
            }
        }

        foreach (var (start, end) in bursts)
        {
            var burst = events.GetRange(start, end - start + 1);
            yield return Flag(rule, burst, threshold, burst.Select(key).Distinct(StringComparer.Ordinal).Count());
        }
    }

    private static AuditAnomaly Flag(AuditAnomalyRule rule, List<AuditEntry> events, int threshold, int count) => new(
        rule,
        events[0].Actor,
        count,
        threshold,
        events[0].OccurredAt,
        events[^1].OccurredAt,
        events.Min(e => e.Sequence),
        events.Max(e => e.Sequence));
}
