using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>
/// With the shipped lease (5 minutes), the rows a dead instance held are taken over within seconds: a lease whose
/// owner has no recent heartbeat is free. Rows of an instance that is still alive stay its own.
/// </summary>
public sealed class AlertTakeoverTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");

    [Theory, BothProviders]
    public async Task RowsLeasedByADeadInstanceAreTakenOverWithinSeconds(DatabaseProvider provider)
    {
        await using var harness = await AlertHarness.StartAsync(provider);
        var (app, alertId) = await LeasedAlertAsync(harness, ownerSeenAgo: TimeSpan.FromMinutes(1));

        var started = DateTime.UtcNow;
        await AlertHarness.EventuallyAsync(
            async () => (await harness.DeliveriesAsync(app, alertId)).All(d => d.Status == AlertDeliveryStatus.Sent),
            TimeSpan.FromSeconds(20),
            "the dead instance's rows are sent by the live one");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    [Theory, BothProviders]
    public async Task RowsLeasedByALiveInstanceStayItsOwn(DatabaseProvider provider)
    {
        await using var harness = await AlertHarness.StartAsync(provider);
        var (app, alertId) = await LeasedAlertAsync(harness, ownerSeenAgo: TimeSpan.FromHours(-1));

        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.All(await harness.DeliveriesAsync(app, alertId), d => Assert.Equal(AlertDeliveryStatus.Queued, d.Status));
    }

    /// <summary>
    /// An alert stored by an App whose worker is off, its rows then leased (5 minutes, as shipped) by another instance
    /// last seen <paramref name="ownerSeenAgo"/> ago; then an App with its worker on, at the shipped defaults.
    /// </summary>
    private static async Task<(DatabaseApp App, Guid AlertId)> LeasedAlertAsync(AlertHarness harness, TimeSpan ownerSeenAgo)
    {
        var writer = harness.StartApp(new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var organisations = await AlertDeliveryTests.OrganisationsAsync(writer);
        var alertId = await harness.SendAsync(writer, Coordinator, new
        {
            severity = "Info",
            category = "Information",
            message = "Test",
            organisations = new[] { organisations["school"], organisations["cpas"] },
        });
        await writer.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.Add(new AlertInstance { Id = "other-instance", SeenAt = now - ownerSeenAgo });
            await db.SaveChangesAsync();
            return await db.Set<AlertDelivery>().Where(d => d.AlertId == alertId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, "other-instance:1").SetProperty(d => d.LeaseUntil, now.AddMinutes(5)));
        });
        await harness.StopAppAsync(writer);
        return (harness.StartApp(new Dictionary<string, string?> { ["Alerts:PollInterval"] = "00:00:01" }), alertId);
    }
}
