using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Statistics;

/// <summary>
/// Statistics for the Diagnostic local de sécurité: <c>GET /api/statistics?from&amp;to</c> for the Chair, the
/// Coordinator and the DPO (who decide on and document the diagnostic). Aggregates only, small counts suppressed;
/// every read is audited before it is answered.
/// </summary>
public static class StatisticsEndpoints
{
    /// <summary>Chair, Coordinator or DPO.</summary>
    public const string Policy = "statistics:read";

    public static IHostApplicationBuilder AddStatistics(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StatisticsOptions>().BindConfiguration(StatisticsOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Statistics:TimeZone is not a known time zone.")
            .ValidateOnStart();
        services.AddScoped<StatisticsService>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddRequirements(
            new DirectoryRoleRequirement([DirectoryRole.Chair, DirectoryRole.Coordinator, DirectoryRole.Dpo])));
        return builder;
    }

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/statistics").WithTags("Statistics").RequireAuthorization(Policy)
            .MapGet("", GetAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<StatisticsReport>, ValidationProblem>> GetAsync(
        DateOnly? from, DateOnly? to, ClaimsPrincipal user, CurrentPerson current, AuditLog audit, StatisticsService statistics,
        Microsoft.Extensions.Options.IOptions<StatisticsOptions> options, CancellationToken ct)
    {
        var person = await current.GetAsync(user, ct);
        var language = Languages.FromTag(person?.PreferredLanguage);
        var errors = new Dictionary<string, string[]>();
        if (from is { } f && !RequestDates.InRange(f))
        {
            errors["from"] = [InputTexts.DateOutOfRange(language)];
        }

        if (to is { } t && !RequestDates.InRange(t))
        {
            errors["to"] = [InputTexts.DateOutOfRange(language)];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: InputTexts.Title(language));
        }

        var (start, end) = statistics.Period(from, to);
        if (end < start)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [InputTexts.EndBeforeStart(language)] }, title: InputTexts.Title(language));
        }

        if (statistics.MonthsIn(start, end) > options.Value.MaxMonths)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["from"] = [InputTexts.AtMostMonths(options.Value.MaxMonths, language)] }, title: InputTexts.Title(language));
        }

        var roles = person is null ? null : string.Join(",", person.Roles.Where(r => r is DirectoryRole.Chair or DirectoryRole.Coordinator or DirectoryRole.Dpo));
        await audit.RecordAsync(
            new AuditRecord(
                user.GetObjectId()?.ToString() ?? throw new InvalidOperationException("An authorized principal has no object id."),
                roles,
                AuditAction.View,
                TargetType: "Statistics",
                TargetId: $"{start:yyyy-MM}..{end:yyyy-MM}",
                Purpose: "security diagnostic statistics"),
            ct);
        return TypedResults.Ok(await statistics.ComputeAsync(start, end, ct));
    }
}

/// <summary>
/// The statistics of a period of whole months (<paramref name="From"/> first day, <paramref name="To"/> last day,
/// Europe/Brussels). Every table's cells below <paramref name="MinimumCount"/> are suppressed.
/// </summary>
/// <param name="SituationsByMonth">Rows: months (<c>yyyy-MM</c>). Columns: <c>signals</c> (received), <c>inclusions</c>,
/// <c>declines</c>, <c>closures</c> (decided or closed that month). Each column is its own series: column totals only.</param>
/// <param name="SituationsBySourceAndStatus">Signals received in the period. Rows: the kind of organisation that
/// signalled (<c>School</c>, <c>Police</c>…). Columns: status today. Row, column and grand totals.</param>
/// <param name="SituationsByIndicator">Rows: the city's alert indicators (key, labels in fr/nl/de/en). One column:
/// situations received in the period with that indicator observed. A situation may count under several: no total.</param>
/// <param name="AlertsByMonthAndSeverity">Rows: months. Columns: <c>Info</c>, <c>Elevated</c>, <c>Urgent</c>. All totals.</param>
public sealed record StatisticsReport(
    DateOnly From,
    DateOnly To,
    int MinimumCount,
    DateTimeOffset GeneratedAt,
    bool IndicatorsAreExample,
    StatisticsTable SituationsByMonth,
    StatisticsTable SituationsBySourceAndStatus,
    StatisticsTable SituationsByIndicator,
    StatisticsTable AlertsByMonthAndSeverity)
{
    internal int SuppressedCells =>
        new[] { SituationsByMonth, SituationsBySourceAndStatus, SituationsByIndicator, AlertsByMonthAndSeverity }.Sum(t => t.SuppressedCells);
}

/// <summary>A table of counts: <see cref="Rows"/> by key, one cell per column; <see cref="Totals"/> (column totals) when published.</summary>
public sealed record StatisticsTable(IReadOnlyList<string> Columns, IReadOnlyList<StatisticsRow> Rows, StatisticsRow? Totals)
{
    internal int SuppressedCells =>
        Rows.Append(Totals).OfType<StatisticsRow>().Sum(r => r.Cells.Count(c => c.Suppressed) + (r.Total?.Suppressed == true ? 1 : 0));

    internal static StatisticsTable Build(
        IReadOnlyList<string> rowKeys,
        IReadOnlyList<string> columns,
        int[,] counts,
        bool rowTotals,
        bool columnTotals,
        int minimum,
        IReadOnlyList<IReadOnlyDictionary<string, string>>? labels = null)
    {
        var values = SmallCountSuppression.Extend(counts, rowTotals, columnTotals);
        var hidden = SmallCountSuppression.Suppress(counts, rowTotals, columnTotals, minimum);
        var width = columns.Count;
        StatisticsCell Cell(int r, int c) => hidden[r, c] ? StatisticsCell.Hidden : new StatisticsCell(values[r, c], false);
        StatisticsRow Row(int r, string key, IReadOnlyDictionary<string, string>? label) => new(
            key,
            [.. Enumerable.Range(0, width).Select(c => Cell(r, c))],
            rowTotals ? Cell(r, width) : null,
            label);

        var rows = rowKeys.Select((key, r) => Row(r, key, labels?[r])).ToList();
        return new StatisticsTable(columns, rows, columnTotals ? Row(rowKeys.Count, "total", null) : null);
    }
}

/// <summary>One row: its key (a month, a kind, an indicator key, or <c>total</c>), its cells, its total when published.</summary>
/// <param name="Labels">Indicator rows only: the indicator's label by language (fr, nl, de, en).</param>
public sealed record StatisticsRow(string Key, IReadOnlyList<StatisticsCell> Cells, StatisticsCell? Total, IReadOnlyDictionary<string, string>? Labels);

/// <summary>A count, or <c>{"count": null, "suppressed": true}</c> when it is below the minimum or would reveal one that is.</summary>
public sealed record StatisticsCell(int? Count, bool Suppressed)
{
    internal static readonly StatisticsCell Hidden = new(null, true);
}
