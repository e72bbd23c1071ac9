using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Situations;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Situations;

public sealed class PurgeTests
{
    [Theory, BothProviders]
    public async Task PurgesContentAndChannelAtExpiryKeepingTheDeletionRecordAndAVerifiedAudit(DatabaseProvider provider)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await SituationsHarness.StartAsync(provider, sandbox, clock, new Dictionary<string, string?>
        {
            ["Situations:ChannelOnClosure"] = "KeepUntilPurge",
        });
        var code = await h.ReportAsync(DemoPeople.Referent, new { text = "Contenu à purger", identity = new { lastName = "Testfictif" } });
        var kept = await h.ReportAsync(DemoPeople.Referent, new { text = "Autre situation" });
        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        // Still followed (included, not closed): no retention runs for it.
        await SituationLifecycleTests.BringToAsync(h, kept, "Included");
        await h.RunChannelPassesAsync();
        (await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/identity/reveal", new { reason = "Préparer la réunion" })).EnsureSuccessStatusCode();
        (await h.PostAsync(DemoPeople.Chair, $"/api/situations/{code}/closure", new { reason = "Fin du suivi" })).EnsureSuccessStatusCode();
        var channelId = Assert.Single(ChannelTests.Channels(sandbox, code)).Id;

        var early = await h.WithAsync<RetentionPurge, int>(p => p.RunAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromDays(731));
        var purged = await h.WithAsync<RetentionPurge, int>(p => p.RunAsync(CancellationToken.None));

        Assert.Equal(0, early);
        Assert.Equal(1, purged);
        Assert.Empty(ChannelTests.Channels(sandbox, code));
        Assert.True(ChannelTests.Store(sandbox).Teams[TeamsPrevention.Sandbox.Tenant.DemoTenant.CellTeamId].Channels.Single(c => c.Id == channelId).IsDeleted);
        var (situations, identities, justifications, indicators) = await h.InScopeAsync(async db => (
            await db.Set<Situation>().CountAsync(s => s.Code == code),
            await db.Set<SituationIdentity>().CountAsync(),
            await db.Set<AccessJustification>().CountAsync(),
            await db.Set<NeedToKnowEntry>().CountAsync()));
        Assert.Equal(0, situations);
        Assert.Equal(0, identities);
        Assert.Equal(0, justifications);
        Assert.True(indicators > 0, "the other situation's list must remain");
        Assert.Equal(kept, Assert.Single(await h.InScopeAsync(db => db.Set<Situation>().Select(s => s.Code).ToListAsync())));
        var record = await h.InScopeAsync(db => db.Set<DeletionRecord>().AsNoTracking().SingleAsync());
        Assert.Equal((code, "Closed", true), (record.Code, record.Category, record.ChannelRemoved));
        Assert.Contains(await h.AuditAsync(), e => e.Action == AuditAction.Purge && e.SituationCode == code);
        var verification = await h.WithAsync<AuditVerifier, AuditVerification>(v => v.VerifyAsync(CancellationToken.None));
        Assert.True(verification.IsIntact);
    }

    [Fact]
    public async Task PurgesADeclinedSignalAfterItsShorterRetention()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await SituationsHarness.StartAsync(clock: clock);
        var code = await h.ReportAsync(DemoPeople.Referent);
        (await h.PostAsync(DemoPeople.Chair, $"/api/situations/{code}/decline", new { referredTo = "CPAS" })).EnsureSuccessStatusCode();

        clock.Advance(TimeSpan.FromDays(179));
        var early = await h.WithAsync<RetentionPurge, int>(p => p.RunAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromDays(2));
        var purged = await h.WithAsync<RetentionPurge, int>(p => p.RunAsync(CancellationToken.None));

        Assert.Equal((0, 1), (early, purged));
        var record = await h.InScopeAsync(db => db.Set<DeletionRecord>().AsNoTracking().SingleAsync());
        Assert.Equal((code, "Declined"), (record.Code, record.Category));
    }

    [Fact]
    public async Task PurgesASignalNeverDecidedAfterItsRetentionButNotOneThatWasIncluded()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await SituationsHarness.StartAsync(clock: clock);
        var forgotten = await h.ReportAsync(DemoPeople.Referent);
        var screened = await h.ReportAsync(DemoPeople.Referent);
        (await h.PostAsync(DemoPeople.Referent, $"/api/situations/{screened}/screening", new { })).EnsureSuccessStatusCode();
        var included = await h.ReportAsync(DemoPeople.Referent);
        await SituationLifecycleTests.BringToAsync(h, included, "Included");

        clock.Advance(TimeSpan.FromDays(179));
        var early = await h.WithAsync<RetentionPurge, int>(p => p.RunAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromDays(2));
        var purged = await h.WithAsync<RetentionPurge, int>(p => p.RunAsync(CancellationToken.None));

        Assert.Equal((0, 2), (early, purged));
        var records = await h.InScopeAsync(db => db.Set<DeletionRecord>().AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Category }).ToListAsync());
        Assert.Equal(new[] { forgotten, screened }.Order(StringComparer.Ordinal), records.Select(r => r.Code));
        Assert.All(records, r => Assert.Equal("Undecided", r.Category));
        Assert.Equal(included, Assert.Single(await h.InScopeAsync(db => db.Set<Situation>().Select(s => s.Code).ToListAsync())));
    }
}
