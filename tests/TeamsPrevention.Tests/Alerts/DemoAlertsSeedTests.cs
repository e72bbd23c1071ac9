using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Statistics;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>
/// The demo's year of fictitious alerts beside its situations (<c>Situations:SeedDemoHistory</c>): the statistics' alerts
/// by month show figures, every alert lies in the past (nothing queued, no escalation due), the same for the same day, once.
/// </summary>
public sealed class DemoAlertsSeedTests
{
    private static readonly Dictionary<string, string?> History = new() { ["Situations:SeedDemoHistory"] = "true" };
    private static readonly DateTimeOffset Today = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory, BothProviders]
    public async Task SeedsAYearOfAnsweredAlertsThatTheStatisticsShowBySeverity(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, new FakeTimeProvider(Today), History);

        var alerts = await h.InScopeAsync(db => db.Set<Alert>().AsNoTracking().ToListAsync());
        var recipients = await h.InScopeAsync(db => db.Set<AlertRecipient>().AsNoTracking().ToListAsync());
        var deliveries = await h.InScopeAsync(db => db.Set<AlertDelivery>().AsNoTracking().ToListAsync());
        var report = await h.As(DemoPeople.Coordinator).GetFromJsonAsync<StatisticsReport>("/api/statistics?from=2025-03-01&to=2026-03-31");

        Assert.InRange(alerts.Count, 100, 200);
        Assert.All(alerts, a => Assert.InRange(a.CreatedAt, Today.AddDays(-366), Today.AddDays(-1)));
        Assert.All(alerts, a => Assert.Equal(DemoAlertsSeed.Message, a.Message));
        Assert.Contains(alerts, a => a.Severity == AlertSeverity.Urgent);
        Assert.All(recipients, r => Assert.Null(r.EscalationDueAt));
        Assert.Contains(recipients, r => r.Answer == AlertAnswer.Acknowledged && r.AnsweredAt <= alerts.Single(a => a.Id == r.AlertId).Deadline);
        Assert.Contains(recipients, r => r.Answer is null && r.EscalationLevel == 2);
        Assert.All(alerts, a => Assert.InRange(recipients.Count(r => r.AlertId == a.Id), 2, 4));
        Assert.NotEmpty(deliveries);
        Assert.All(deliveries, d => Assert.Equal(AlertDeliveryStatus.Sent, d.Status));

        // Alerts by month: informative alerts show a figure, not "masqué", in most months; the total is the seed.
        var info = report!.AlertsByMonthAndSeverity.Rows.Select(r => r.Cells[0]).ToList();
        Assert.True(info.Count(c => !c.Suppressed) >= 10, string.Join(",", info.Select(c => c.Count?.ToString() ?? "-")));
        Assert.Equal(alerts.Count, report.AlertsByMonthAndSeverity.Totals!.Total!.Count);
        Assert.Single(await h.AuditAsync(), e => e.Purpose == DemoAlertsSeed.Purpose);

    }

    [Fact]
    public async Task DrawsTheSameAlertsForTheSameDayAndSeedsOnlyOnce()
    {
        await using var first = await SituationsHarness.StartAsync(DatabaseProvider.Sqlite, null, new FakeTimeProvider(Today), History);
        await using var second = await SituationsHarness.StartAsync(DatabaseProvider.Sqlite, null, new FakeTimeProvider(Today), History);
        await using var again = await SituationsHarness.StartOnAsync(first, null, History);

        var a = await first.InScopeAsync(db => db.Set<Alert>().AsNoTracking().OrderBy(x => x.Reference).Select(x => new { x.Reference, x.Severity, x.CreatedAt }).ToListAsync());
        var b = await second.InScopeAsync(db => db.Set<Alert>().AsNoTracking().OrderBy(x => x.Reference).Select(x => new { x.Reference, x.Severity, x.CreatedAt }).ToListAsync());

        Assert.Equal(a, b);
        Assert.Equal(a.Count, await again.InScopeAsync(db => db.Set<Alert>().CountAsync()));
        Assert.Single(await first.AuditAsync(), e => e.Purpose == DemoAlertsSeed.Purpose);
    }

    [Fact]
    public async Task SeedsNoAlertWhenOff()
    {
        await using var h = await SituationsHarness.StartAsync(DatabaseProvider.Sqlite, null, new FakeTimeProvider(Today), null);

        Assert.Equal(0, await h.InScopeAsync(db => db.Set<Alert>().CountAsync()));
    }
}
