using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Situations;
using TeamsPrevention.App.Statistics;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Statistics;

/// <summary><c>GET /api/statistics</c>: aggregates by month, source, status, indicator and severity, small counts suppressed.</summary>
public sealed class StatisticsEndpointsTests
{
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["Situations:WorkerEnabled"] = "false",
        ["Alerts:Delivery:Enabled"] = "false",
    };

    private static readonly DateTimeOffset March10 = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory, BothProviders]
    public async Task CountsByMonthSourceStatusIndicatorAndSeverityAndSuppressesSmallCounts(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, Quiet);
        var codes = await SeedAsync(app);
        using var chair = app.CreateClient(DemoPeople.Chair);

        var response = await chair.GetAsync(new Uri("/api/statistics?from=2026-03-15&to=2026-04-02", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var report = System.Text.Json.JsonSerializer.Deserialize<StatisticsReport>(body, System.Text.Json.JsonSerializerOptions.Web)!;

        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30), 5), (report.From, report.To, report.MinimumCount));
        Assert.All(codes, code => Assert.DoesNotContain(code, body, StringComparison.Ordinal));

        // By month: 9 signals in March, 6 in April (one at 00:30 on 1 April in Brussels, still 31 March in UTC).
        var months = report.SituationsByMonth;
        Assert.Equal(["2026-03", "2026-04"], months.Rows.Select(r => r.Key));
        Assert.Equal(["signals", "inclusions", "declines", "closures"], months.Columns);
        Assert.Equal([9, 6], months.Rows.Select(r => r.Cells[0].Count));
        Assert.Equal(15, months.Totals!.Cells[0].Count);

        // Inclusions: 5 in March, 0 in April (hidden), so March hides too or the total (5) would give April back.
        Assert.True(months.Rows[1].Cells[1].Suppressed);
        Assert.True(months.Rows[0].Cells[1].Suppressed);
        Assert.Equal(5, months.Totals.Cells[1].Count);
        Assert.All(months.Rows.Select(r => r.Cells[2]).Append(months.Totals.Cells[2]), c => Assert.True(c.Suppressed && c.Count is null)); // 2 declines

        // By source and status: 5 pupils' situations included, from the school.
        var bySource = report.SituationsBySourceAndStatus;
        var school = Assert.Single(bySource.Rows, r => r.Key == "School");
        Assert.Equal(5, school.Cells[bySource.Columns.ToList().IndexOf("Included")].Count);
        Assert.Equal(7, school.Total!.Count);
        Assert.True(Assert.Single(bySource.Rows, r => r.Key == "Police").Cells[bySource.Columns.ToList().IndexOf("Declined")].Suppressed);
        Assert.Equal(15, bySource.Totals!.Total!.Count);

        // Indicators: 6 situations with threats shown, 2 with propaganda hidden; labels in four languages.
        var threats = Assert.Single(report.SituationsByIndicator.Rows, r => r.Key == "threats");
        Assert.Equal(6, threats.Cells[0].Count);
        Assert.Equal("Menaces", threats.Labels!["fr"]);
        Assert.True(Assert.Single(report.SituationsByIndicator.Rows, r => r.Key == "propaganda").Cells[0].Suppressed);
        Assert.Null(report.SituationsByIndicator.Totals);

        // Alerts: 6 in March (5 Info, 1 Urgent), none in April.
        var alerts = report.AlertsByMonthAndSeverity;
        Assert.Equal(["Info", "Elevated", "Urgent"], alerts.Columns);
        Assert.Equal(6, alerts.Totals!.Total!.Count);
        Assert.True(alerts.Rows[0].Cells[2].Suppressed);

        foreach (var table in new[] { months, bySource, alerts })
        {
            AssertNoEquationHidesExactlyOne(table);
        }
    }

    [Theory, BothProviders]
    public async Task AnswersTheChairCoordinatorAndDpoAndAuditsEachRead(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, Quiet);
        foreach (var oid in new[] { DemoPeople.Chair, DemoPeople.Coordinator, DemoPeople.Dpo })
        {
            using var client = app.CreateClient(oid);
            (await client.GetAsync(new Uri("/api/statistics", UriKind.Relative))).EnsureSuccessStatusCode();
        }

        foreach (var oid in new[] { DemoPeople.Referent, DemoPeople.Partner, DemoPeople.Admin, DemoPeople.PoliceReferent })
        {
            using var client = app.CreateClient(oid);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/api/statistics", UriKind.Relative))).StatusCode);
        }

        var reads = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.TargetType == "Statistics").OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal([DemoPeople.Chair, DemoPeople.Coordinator, DemoPeople.Dpo], reads.Select(e => e.Actor));
        Assert.Equal(["Chair", "Coordinator", "Dpo"], reads.Select(e => e.ActorRole));
        Assert.All(reads, e => Assert.Equal(AuditAction.View, e.Action));
    }

    [Theory]
    [InlineData("/api/statistics?from=2026-05-01&to=2026-03-01", "to")]
    [InlineData("/api/statistics?from=2010-01-01&to=2026-03-01", "from")]
    public async Task RejectsAReversedOrTooLongPeriod(string url, string field)
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite, Quiet);
        using var chair = app.CreateClient(DemoPeople.Chair);

        var response = await chair.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Contains(field, problem!.Errors.Keys);
    }

    private static void AssertNoEquationHidesExactlyOne(StatisticsTable table)
    {
        var all = table.Rows.Append(table.Totals).OfType<StatisticsRow>().ToList();
        if (table.Totals is not null)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                Assert.NotEqual(1, all.Count(r => r.Cells[c].Suppressed));
            }
        }

        foreach (var row in all.Where(r => r.Total is not null))
        {
            Assert.NotEqual(1, row.Cells.Count(c => c.Suppressed) + (row.Total!.Suppressed ? 1 : 0));
        }
    }

    /// <summary>March: 7 from the school (5 included with threats, 1 more with threats, 2 with propaganda), 2 declined from the police. April: 6 from the CPAS.</summary>
    private static Task<List<string>> SeedAsync(DatabaseApp app) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var organisations = await db.Set<Organisation>().ToDictionaryAsync(o => o.Key, o => o.Id);
        var situations = new List<Situation>();
        Situation Add(string source, DateTimeOffset createdAt, SituationStatus status, DateTimeOffset? decidedAt = null)
        {
            var situation = new Situation
            {
                Id = Guid.NewGuid(),
                Code = $"T{situations.Count:D2}-STAT",
                Status = status,
                SourceOrganisationId = organisations[source],
                SignalDate = DateOnly.FromDateTime(createdAt.UtcDateTime),
                CreatedAt = createdAt,
                DecidedAt = decidedAt,
            };
            situations.Add(situation);
            return situation;
        }

        for (var i = 0; i < 5; i++)
        {
            Add("school", March10.AddHours(i), SituationStatus.Included, March10.AddDays(5)).Indicators.Add(Indicator("threats"));
        }

        Add("school", March10, SituationStatus.Signalled).Indicators.Add(Indicator("threats"));
        var propaganda = Add("school", March10, SituationStatus.Signalled);
        propaganda.Indicators.Add(Indicator("propaganda"));
        Add("police", March10, SituationStatus.Declined, March10.AddDays(1)).Indicators.Add(Indicator("propaganda"));
        Add("police", March10, SituationStatus.Declined, March10.AddDays(1));
        Add("cpas", new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero), SituationStatus.Signalled);
        for (var i = 0; i < 5; i++)
        {
            Add("cpas", new DateTimeOffset(2026, 4, 8, 9, 0, 0, TimeSpan.Zero), SituationStatus.Signalled);
        }

        Add("cpas", new DateTimeOffset(2026, 2, 27, 9, 0, 0, TimeSpan.Zero), SituationStatus.Signalled); // Before the period.
        db.AddRange(situations);

        var sender = await db.Set<Person>().FirstAsync();
        for (var i = 0; i < 6; i++)
        {
            db.Add(new Alert
            {
                Id = Guid.NewGuid(),
                Reference = $"A-{i:D4}",
                SenderPersonId = sender.Id,
                SenderOrganisationId = sender.OrganisationId,
                Severity = i == 0 ? AlertSeverity.Urgent : AlertSeverity.Info,
                Category = AlertCategory.Information,
                Message = "Test",
                CreatedAt = March10.AddDays(i),
                Deadline = March10.AddDays(i + 5),
            });
        }

        await db.SaveChangesAsync();
        return situations.Select(s => s.Code).ToList();
    });

    private static SituationIndicator Indicator(string key) =>
        new() { Id = Guid.NewGuid(), IndicatorKey = key, Evidence = "Observation fictive.", RecordedAt = March10 };
}
