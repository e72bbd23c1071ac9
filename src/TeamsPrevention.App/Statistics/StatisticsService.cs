using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Situations;

namespace TeamsPrevention.App.Statistics;

/// <summary>
/// Aggregates for the Diagnostic local de sécurité (requirement 16), read-only over the situations, their indicators and
/// the alerts: counts by month, by source and status, by alert indicator, and alerts by month and severity. Nothing
/// per person, no codes; small counts are suppressed (<see cref="SmallCountSuppression"/>). Purged situations are no
/// longer counted: figures for a month can fall once its situations reach their retention end.
/// </summary>
public sealed class StatisticsService(
    AppDbContext db,
    IOptions<StatisticsOptions> options,
    IOptions<SituationsOptions> situations,
    TimeProvider time,
    ILogger<StatisticsService> logger)
{
    public static readonly IReadOnlyList<string> MonthColumns = ["signals", "inclusions", "declines", "closures"];

    private readonly StatisticsOptions _options = options.Value;
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The period [first day of <paramref name="from"/>'s month, last day of <paramref name="to"/>'s month], defaulting to the last 12 months.</summary>
    public (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, end.Month, 1).AddMonths(-11);
        start = new DateOnly(start.Year, start.Month, 1);
        end = new DateOnly(end.Year, end.Month, 1).AddMonths(1).AddDays(-1);
        return (start, end);
    }

    public int MonthsIn(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;

    public async Task<StatisticsReport> ComputeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = Utc(from);
        var end = Utc(to.AddDays(1));
        var months = Enumerable.Range(0, MonthsIn(from, to)).Select(i => from.AddMonths(i)).ToList();
        var monthIndex = months.Select((m, i) => (Key: MonthKey(m), i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var min = _options.MinimumCount;

        var rows = await db.Set<Situation>().AsNoTracking()
            .Where(s => (s.CreatedAt >= start && s.CreatedAt < end)
                || (s.DecidedAt >= start && s.DecidedAt < end)
                || (s.ClosedAt >= start && s.ClosedAt < end))
            .Select(s => new { s.Id, s.CreatedAt, s.DecidedAt, s.ClosedAt, s.Status, s.SourceOrganisationId })
            .ToListAsync(cancellationToken);

        // By month: signals received, inclusions, declines, closures (each column its own series).
        var byMonth = new int[months.Count, MonthColumns.Count];
        void Tally(DateTimeOffset? at, int column)
        {
            if (at is { } instant && instant >= start && instant < end && monthIndex.TryGetValue(MonthKey(instant), out var row))
            {
                byMonth[row, column]++;
            }
        }

        foreach (var s in rows)
        {
            Tally(s.CreatedAt, 0);
            if (s.Status is SituationStatus.Included or SituationStatus.Closed)
            {
                Tally(s.DecidedAt, 1);
            }
            else if (s.Status is SituationStatus.Declined)
            {
                Tally(s.DecidedAt, 2);
            }

            Tally(s.ClosedAt, 3);
        }

        // Signals received in the period, by the kind of organisation they came from and their status today.
        var received = rows.Where(s => s.CreatedAt >= start && s.CreatedAt < end).ToList();
        var kinds = await db.Set<Organisation>().AsNoTracking().Select(o => new { o.Id, o.Kind }).ToDictionaryAsync(o => o.Id, o => o.Kind, cancellationToken);
        var kindList = Enum.GetValues<OrganisationKind>();
        var statuses = Enum.GetValues<SituationStatus>();
        var bySource = new int[kindList.Length, statuses.Length];
        foreach (var s in received)
        {
            var kind = kinds.TryGetValue(s.SourceOrganisationId, out var k) ? k : OrganisationKind.Other;
            bySource[Array.IndexOf(kindList, kind), Array.IndexOf(statuses, s.Status)]++;
        }

        // Situations received in the period with each indicator observed (a situation counts once per indicator).
        var receivedIds = received.Select(s => s.Id).ToList();
        var observed = await db.Set<SituationIndicator>().AsNoTracking()
            .Where(i => receivedIds.Contains(i.SituationId))
            .Select(i => new { i.SituationId, i.IndicatorKey })
            .Distinct()
            .ToListAsync(cancellationToken);
        var checklist = situations.Value.EffectiveIndicators;
        var indicatorKeys = checklist.Select(i => i.Key)
            .Concat(observed.Select(o => o.IndicatorKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var byIndicator = new int[indicatorKeys.Count, 1];
        foreach (var group in observed.GroupBy(o => o.IndicatorKey, StringComparer.Ordinal))
        {
            byIndicator[indicatorKeys.IndexOf(group.Key), 0] = group.Select(o => o.SituationId).Distinct().Count();
        }

        var labels = indicatorKeys.Select(key => checklist.FirstOrDefault(i => i.Key == key) is { } indicator
            ? new Dictionary<string, string> { ["fr"] = indicator.Fr, ["nl"] = indicator.Nl, ["de"] = indicator.De, ["en"] = indicator.En }
            : new Dictionary<string, string> { ["fr"] = key }).ToList();

        // Alerts sent, by month and severity.
        var alerts = await db.Set<Alert>().AsNoTracking()
            .Where(a => a.CreatedAt >= start && a.CreatedAt < end)
            .Select(a => new { a.CreatedAt, a.Severity })
            .ToListAsync(cancellationToken);
        var severities = Enum.GetValues<AlertSeverity>();
        var alertsByMonth = new int[months.Count, severities.Length];
        foreach (var a in alerts)
        {
            if (monthIndex.TryGetValue(MonthKey(a.CreatedAt), out var row))
            {
                alertsByMonth[row, Array.IndexOf(severities, a.Severity)]++;
            }
        }

        var monthKeys = months.Select(MonthKey).ToList();
        var report = new StatisticsReport(
            from,
            to,
            min,
            time.GetUtcNow(),
            situations.Value.IndicatorsAreExample,
            StatisticsTable.Build(monthKeys, MonthColumns, byMonth, rowTotals: false, columnTotals: true, min),
            StatisticsTable.Build([.. kindList.Select(k => k.ToString())], [.. statuses.Select(s => s.ToString())], bySource, rowTotals: true, columnTotals: true, min),
            StatisticsTable.Build(indicatorKeys, ["situations"], byIndicator, rowTotals: false, columnTotals: false, min, labels),
            StatisticsTable.Build(monthKeys, [.. severities.Select(s => s.ToString())], alertsByMonth, rowTotals: true, columnTotals: true, min));
        StatisticsLog.Computed(logger, months.Count, report.SuppressedCells);
        return report;
    }

    private DateTimeOffset Utc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private string MonthKey(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _zone);
        return local.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    private static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
