using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Audit;

/// <summary><c>GET /api/audit/anomalies</c>: rule-based flags over the log, driven by a fake clock.</summary>
public sealed class AuditAnomalyTests
{
    // Wednesday 4 March 2026, 10:00 in Brussels (UTC+1): office hours.
    private static readonly DateTimeOffset Wednesday10 = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    // Saturday 7 March 2026, 23:00 in Brussels.
    private static readonly DateTimeOffset Saturday23 = new(2026, 3, 7, 22, 0, 0, TimeSpan.Zero);

    private const string Period = "from=2026-03-01T00:00:00Z&to=2026-03-10T00:00:00Z";

    [Theory, BothProviders]
    public async Task FlagsEachRuleByActorWithCountAndPeriodAndNoName(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = await DatabaseApp.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));

        // Bulk viewing: the referent opens 10 distinct situations in 27 minutes; the coordinator only 9 in an hour.
        for (var i = 0; i < 10; i++)
        {
            clock.SetUtcNow(Wednesday10.AddMinutes(3 * i));
            await ViewAsync(app, DemoPeople.Referent, Code(i));
            await ViewAsync(app, DemoPeople.Referent, Code(0));
        }

        for (var i = 0; i < 9; i++)
        {
            clock.SetUtcNow(Wednesday10.AddHours(2).AddMinutes(6 * i));
            await ViewAsync(app, DemoPeople.Coordinator, Code(i));
        }

        // Lines of one's own list are not bulk viewing.
        clock.SetUtcNow(Wednesday10.AddHours(4));
        for (var i = 0; i < 12; i++)
        {
            await ViewAsync(app, DemoPeople.Chair, Code(i), "list");
        }

        // The App itself is never flagged.
        for (var i = 0; i < 12; i++)
        {
            await ViewAsync(app, AuditRecord.SystemActor, Code(i));
        }

        // Denials: five refusals to the partner within an hour on Thursday.
        for (var i = 0; i < 5; i++)
        {
            clock.SetUtcNow(Wednesday10.AddDays(1).AddMinutes(10 * i));
            await AuditAccessReportTests.RecordAsync(app, new AuditRecord(DemoPeople.Partner, "Partner", AuditAction.Denied, Code(i), "Situation", null, "not on the list", AuditOutcome.Denied));
        }

        // One break-glass, and three identity reveals in two hours, by the coordinator on Friday.
        clock.SetUtcNow(Wednesday10.AddDays(2));
        await AuditAccessReportTests.RecordAsync(app, new AuditRecord(DemoPeople.Coordinator, "Coordinator", AuditAction.BreakGlass, Code(3), "Situation", null, "break-glass reason 1"));
        for (var i = 0; i < 3; i++)
        {
            clock.SetUtcNow(Wednesday10.AddDays(2).AddHours(i));
            await AuditAccessReportTests.RecordAsync(app, new AuditRecord(DemoPeople.Coordinator, "Coordinator", AuditAction.Reveal, Code(i), "Identity", null, "reveal reason 1"));
        }

        // Off-hours: the police referent reads three situations late on Saturday; the coordinator two.
        for (var i = 0; i < 3; i++)
        {
            clock.SetUtcNow(Saturday23.AddMinutes(i));
            await ViewAsync(app, DemoPeople.PoliceReferent, Code(i));
        }

        await ViewAsync(app, DemoPeople.Coordinator, Code(1));
        await ViewAsync(app, DemoPeople.Coordinator, Code(2));

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero));
        using var dpo = app.CreateClient(DemoPeople.Dpo);
        var result = await dpo.GetFromJsonAsync<AuditAnomalies>($"/api/audit/anomalies?{Period}");

        var flags = result!.Flags;
        var bulk = Assert.Single(flags, f => f.Rule == AuditAnomalyRule.BulkViewing);
        Assert.Equal((DemoPeople.Referent, 10, 10), (bulk.Actor, bulk.Count, bulk.Threshold));
        Assert.Equal((Wednesday10, Wednesday10.AddMinutes(27)), (bulk.From, bulk.To));
        Assert.True(bulk.FirstSequence < bulk.LastSequence);
        var offHours = Assert.Single(flags, f => f.Rule == AuditAnomalyRule.OffHoursReads);
        Assert.Equal((DemoPeople.PoliceReferent, 3), (offHours.Actor, offHours.Count));
        var denials = Assert.Single(flags, f => f.Rule == AuditAnomalyRule.RepeatedDenials);
        Assert.Equal((DemoPeople.Partner, 5), (denials.Actor, denials.Count));
        Assert.Equal(DemoPeople.Coordinator, Assert.Single(flags, f => f.Rule == AuditAnomalyRule.BreakGlass).Actor);
        var reveals = Assert.Single(flags, f => f.Rule == AuditAnomalyRule.IdentityReveals);
        Assert.Equal((DemoPeople.Coordinator, 3), (reveals.Actor, reveals.Count));
        Assert.Equal(5, flags.Count);
        Assert.All(flags, f => Assert.True(Guid.TryParse(f.Actor, out _), "actors are object ids, never names"));

        var page = await dpo.GetFromJsonAsync<AuditPage>($"/api/audit?actor={DemoPeople.Dpo}");
        Assert.Contains(page!.Entries, e => e.TargetType == "AuditAnomalies" && e.Action == AuditAction.View);
    }

    [Theory, BothProviders]
    public async Task SplitsBurstsFurtherApartThanTheWindowAndHonoursConfiguredThresholds(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Wednesday10);
        await using var app = await DatabaseApp.StartAsync(
            provider,
            new Dictionary<string, string?>
            {
                ["Audit:Anomalies:BulkViewingDistinctSituations"] = "3",
                ["Audit:Anomalies:BulkViewingWindow"] = "00:10:00",
            },
            s => s.AddSingleton<TimeProvider>(clock));
        foreach (var start in new[] { Wednesday10, Wednesday10.AddHours(1) })
        {
            for (var i = 0; i < 4; i++)
            {
                clock.SetUtcNow(start.AddMinutes(2 * i));
                await ViewAsync(app, DemoPeople.Referent, Code(i));
            }
        }

        // Two reads 20 minutes apart never make three within ten minutes.
        clock.SetUtcNow(Wednesday10.AddHours(3));
        await ViewAsync(app, DemoPeople.Referent, Code(5));
        clock.SetUtcNow(Wednesday10.AddHours(3).AddMinutes(20));
        await ViewAsync(app, DemoPeople.Referent, Code(6));
        await ViewAsync(app, DemoPeople.Referent, Code(7));

        using var dpo = app.CreateClient(DemoPeople.Dpo);
        var result = await dpo.GetFromJsonAsync<AuditAnomalies>($"/api/audit/anomalies?{Period}");

        var bursts = result!.Flags.Where(f => f.Rule == AuditAnomalyRule.BulkViewing).ToList();
        Assert.Equal(2, bursts.Count);
        Assert.All(bursts, b => Assert.Equal((4, 3), (b.Count, b.Threshold)));
        Assert.Equal([Wednesday10, Wednesday10.AddHours(1)], bursts.Select(b => b.From));
    }

    [Theory, BothProviders]
    public async Task LooksOnlyAtThePeriodAsked(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(Saturday23);
        await using var app = await DatabaseApp.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        for (var i = 0; i < 3; i++)
        {
            await ViewAsync(app, DemoPeople.PoliceReferent, Code(i));
        }

        clock.SetUtcNow(Saturday23.AddHours(1));
        using var dpo = app.CreateClient(DemoPeople.Dpo);
        var before = await dpo.GetFromJsonAsync<AuditAnomalies>("/api/audit/anomalies?from=2026-03-01T00:00:00Z&to=2026-03-07T00:00:00Z");
        var defaulted = await dpo.GetFromJsonAsync<AuditAnomalies>("/api/audit/anomalies");

        Assert.Empty(before!.Flags);
        Assert.Single(defaulted!.Flags, f => f.Rule == AuditAnomalyRule.OffHoursReads);
        Assert.Equal(Saturday23.AddHours(1).AddDays(-30), defaulted.From);
    }

    [Fact]
    public async Task RefusesAReversedOrTooLongPeriodAndEveryoneButTheDpo()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite);
        using var dpo = app.CreateClient(DemoPeople.Dpo);
        using var chair = app.CreateClient(DemoPeople.Chair);

        Assert.Equal(HttpStatusCode.BadRequest, (await dpo.GetAsync(new Uri("/api/audit/anomalies?from=2026-03-02&to=2026-03-01", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dpo.GetAsync(new Uri("/api/audit/anomalies?from=2020-01-01&to=2026-03-01", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync(new Uri("/api/audit/anomalies", UriKind.Relative))).StatusCode);
    }

    private static string Code(int i) => $"K7M-4Q{(char)('A' + i)}";

    private static Task<AuditEntry> ViewAsync(DatabaseApp app, string actor, string code, string purpose = "detail") =>
        AuditAccessReportTests.RecordAsync(app, new AuditRecord(actor, "Referent", AuditAction.View, code, "Situation", null, purpose));
}
