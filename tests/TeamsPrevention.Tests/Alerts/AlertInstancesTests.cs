using System.Net.Http.Json;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>Several App instances on one database share the outbox; an instance stopped mid-delivery loses nothing.</summary>
public sealed class AlertInstancesTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");
    private static readonly string[] Roles = ["Partner", "Referent", "PoliceReferent", "Chair", "Secretary", "Dpo", "Admin"];

    [Fact]
    public async Task SharesFanOutBetweenThreeInstancesOnPostgresWithoutSendingTwice()
    {
        await using var harness = await AlertHarness.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Alerts:Delivery:BatchSize"] = "3" });
        var apps = new[] { harness.StartApp(), harness.StartApp(), harness.StartApp() };

        var alerts = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            alerts.Add(await harness.SendAsync(apps[i % 3], Coordinator, new { severity = "Info", category = "Information", message = $"Test {i}", roles = Roles }));
        }

        await AlertHarness.EventuallyAsync(
            async () => (await Task.WhenAll(alerts.Select(a => harness.DeliveriesAsync(apps[0], a)))).SelectMany(d => d).All(d => d.Status == AlertDeliveryStatus.Sent),
            TimeSpan.FromSeconds(60));

        var rows = (await Task.WhenAll(alerts.Select(a => harness.DeliveriesAsync(apps[0], a)))).SelectMany(d => d).ToList();
        Assert.All(rows, r => Assert.Equal(1, r.SendCount));
        foreach (var person in rows.GroupBy(r => r.PersonId))
        {
            Assert.Equal(alerts.Count, person.Count());
        }

        // What Teams saw: exactly one card per row, in the personas' inboxes.
        var cards = 0;
        foreach (var persona in DemoTenant.Personas.Where(p => p.OrganisationKey != "other" && p.Role != "Coordinator"))
        {
            cards += (await harness.InboxAsync(persona.ObjectId)).Count;
        }

        Assert.Equal(rows.Count, cards);
    }

    [Theory, BothProviders]
    public async Task ResumesDeliveryAfterAnInstanceStopsMidFanOut(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string?> { ["Alerts:Delivery:Lease"] = "00:00:02", ["Alerts:Delivery:Parallelism"] = "2", ["Alerts:Delivery:BatchSize"] = "2" };
        await using var harness = await AlertHarness.StartAsync(provider, settings);
        using (var faults = await harness.Sandbox.Http.PutAsJsonAsync("faults", new
        {
            seed = 1,
            rules = new[] { new { method = "POST", path = "connector/v3/conversations/*/activities", fault = "none", latencyMs = 300 } },
        }))
        {
            faults.EnsureSuccessStatusCode();
        }

        var first = harness.StartApp();
        var alertId = await harness.SendAsync(first, Coordinator, new { severity = "Elevated", category = "Signal", message = "Test", roles = Roles });
        await AlertHarness.EventuallyAsync(async () => (await harness.DeliveriesAsync(first, alertId)).Count(d => d.Status == AlertDeliveryStatus.Sent) >= 2);

        await harness.StopAppAsync(first);
        var afterStop = await ReadAsync(harness, alertId);
        var inFlight = afterStop.Count(d => d.Status == AlertDeliveryStatus.Queued && d.LeaseOwner is not null);
        Assert.Contains(afterStop, d => d.Status == AlertDeliveryStatus.Queued);

        var second = harness.StartApp();
        await AlertHarness.EventuallyAsync(async () => (await harness.DeliveriesAsync(second, alertId)).All(d => d.Status == AlertDeliveryStatus.Sent), TimeSpan.FromSeconds(60));

        var rows = await harness.DeliveriesAsync(second, alertId);
        var cards = 0;
        foreach (var persona in DemoTenant.Personas.Where(p => p.OrganisationKey != "other" && p.Role != "Coordinator"))
        {
            var inbox = await harness.InboxAsync(persona.ObjectId);
            Assert.NotEmpty(inbox);
            cards += inbox.Count;
        }

        // Duplicates only for sends in flight when the instance stopped, and counted.
        Assert.InRange(cards - rows.Count, 0, inFlight);
    }

    private static async Task<IReadOnlyList<AlertDelivery>> ReadAsync(AlertHarness harness, Guid alertId)
    {
        var reader = harness.StartApp(new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var rows = await harness.DeliveriesAsync(reader, alertId);
        await harness.StopAppAsync(reader);
        return rows;
    }
}
