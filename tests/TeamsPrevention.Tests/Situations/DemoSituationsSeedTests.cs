using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Situations;
using TeamsPrevention.App.Statistics;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Situations;

/// <summary>
/// The demo's year of fictitious situations (<c>Situations:SeedDemoHistory</c>): enough for the statistics to show
/// figures rather than "masqué", the same every time for the same day, once, never in Production.
/// </summary>
public sealed class DemoSituationsSeedTests
{
    private static readonly Dictionary<string, string?> History = new() { ["Situations:SeedDemoHistory"] = "true" };
    private static readonly DateTimeOffset Today = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory, BothProviders]
    public async Task SeedsAYearThatTheStatisticsShowMonthByMonth(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, new FakeTimeProvider(Today), History);

        var situations = await h.InScopeAsync(db => db.Set<Situation>().AsNoTracking().Include(s => s.Indicators).ToListAsync());
        var report = await h.As(DemoPeople.Coordinator).GetFromJsonAsync<StatisticsReport>("/api/statistics?from=2025-03-01&to=2026-03-31");

        Assert.InRange(situations.Count, 150, 230);
        Assert.All(situations, s => Assert.InRange(s.CreatedAt, Today.AddDays(-366), Today));
        Assert.All(situations, s => Assert.NotEmpty(s.Indicators));
        Assert.Contains(situations, s => s.Status == SituationStatus.Closed);
        Assert.Contains(situations, s => s.Status == SituationStatus.Declined);
        Assert.All(situations.Where(s => s.Status == SituationStatus.Declined), s => Assert.True(s.RetentionUntil > Today));
        Assert.All(situations, s => Assert.Equal(ChannelState.None, s.ChannelState));

        // Signals received: a figure, not "masqué", in every month of the year but the current one, and the total is the seed.
        var signals = report!.SituationsByMonth.Rows.Select(r => r.Cells[0]).ToList();
        Assert.True(signals.Count(c => !c.Suppressed) >= 11, string.Join(",", signals.Select(c => c.Count?.ToString() ?? "-")));
        Assert.Equal(situations.Count, report.SituationsByMonth.Totals!.Cells[0].Count);
        Assert.Contains(report.SituationsByIndicator.Rows, r => !r.Cells[0].Suppressed);
        Assert.Contains(report.SituationsBySourceAndStatus.Rows, r => r.Cells.Any(c => !c.Suppressed && c.Count > 0));

        // The sealed identities open, fictitious.
        var identity = await h.WithAsync<IdentityProtector, Dictionary<string, string>>(async p =>
            p.Open(await h.InScopeAsync(db => db.Set<SituationIdentity>().AsNoTracking().FirstAsync())));
        Assert.StartsWith("Fictif-", identity["lastName"], StringComparison.Ordinal);
        Assert.Single(await h.AuditAsync(), e => e.Purpose == DemoSituationsSeed.Purpose);
    }

    [Fact]
    public async Task DrawsTheSameYearForTheSameDayAndSeedsOnlyOnce()
    {
        await using var first = await SituationsHarness.StartAsync(DatabaseProvider.Sqlite, null, new FakeTimeProvider(Today), History);
        await using var second = await SituationsHarness.StartAsync(DatabaseProvider.Sqlite, null, new FakeTimeProvider(Today), History);
        await using var again = await SituationsHarness.StartOnAsync(first, null, History);

        var a = await first.InScopeAsync(db => db.Set<Situation>().AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Code, s.Status, s.CreatedAt }).ToListAsync());
        var b = await second.InScopeAsync(db => db.Set<Situation>().AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Code, s.Status, s.CreatedAt }).ToListAsync());

        Assert.Equal(a, b);
        Assert.Equal(a.Count, await again.InScopeAsync(db => db.Set<Situation>().CountAsync()));
        Assert.Single(await first.AuditAsync(), e => e.Purpose == DemoSituationsSeed.Purpose);
    }

    [Fact]
    public async Task SeedsNothingWhenOff()
    {
        await using var h = await SituationsHarness.StartAsync(DatabaseProvider.Sqlite, null, new FakeTimeProvider(Today), null);

        Assert.Equal(0, await h.InScopeAsync(db => db.Set<Situation>().CountAsync()));
    }

    [Fact]
    public void RefusesToStartInProduction()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tenant:TenantId"] = Guid.NewGuid().ToString(),
            ["Tenant:ClientId"] = Guid.NewGuid().ToString(),
            ["Tenant:ClientSecret"] = "a-secret",
            ["Tenant:Instance"] = "https://login.microsoftonline.com/",
            ["Tenant:GraphBaseUrl"] = "https://graph.microsoft.com/v1.0",
            ["Tenant:BotOpenIdMetadataUrl"] = "https://login.botframework.com/v1/.well-known/openidconfiguration",
            ["Bot:AllowAnonymous"] = "false",
            ["Tab:TeamsAppId"] = Guid.NewGuid().ToString(),
            ["Situations:IdentityKey"] = SituationsHarness.TestKey,
            ["Situations:SeedDemoHistory"] = "true",
        };
        using var factory = new AppFactory(settings, environment: "Production");

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Situations:SeedDemoHistory is refused in Production", error.ToString(), StringComparison.Ordinal);
    }
}
