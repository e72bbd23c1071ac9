using System.Net.Http.Json;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.Sandbox.Realism;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>Several App instances on one database share the outbox; an instance stopped mid-delivery loses nothing.</summary>
public sealed class AlertInstancesTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");
    private static readonly string[] Roles = ["Partner", "Referent", "PoliceReferent", "Chair", "Secretary", "Dpo", "Admin"];

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task SharesFanOutBetweenInstancesOnPostgresWithoutSendingTwice(int instances)
    {
        await using var harness = await AlertHarness.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Alerts:Delivery:BatchSize"] = "3" });
        var apps = Enumerable.Range(0, instances).Select(_ => harness.StartApp()).ToArray();

        var alerts = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            alerts.Add(await harness.SendAsync(apps[i % instances], Coordinator, new { severity = "Info", category = "Information", message = $"Test {i}", roles = Roles }));
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

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task KeepsAllInstancesTogetherWithinTheTenantLimitOnPostgres(int instances)
    {
        const int Limit = 10;
        await using var harness = await AlertHarness.StartAsync(
            DatabaseProvider.Postgres,
            new Dictionary<string, string?>
            {
                ["Bot:Pacing:TenantPerSecond"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Alerts:Delivery:HeartbeatInterval"] = "00:00:00.500",
            },
            sandbox => sandbox.Settings["SandboxTenant:RateLimits:BotPerTenant"] = $"{Limit}/1s");
        var apps = Enumerable.Range(0, instances).Select(_ => harness.StartApp()).ToArray();
        var limiters = apps.Select(a => a.Services.GetRequiredService<ConnectorPacers>().For(a.Services.GetRequiredService<IOptions<TenantOptions>>().Value.TenantId)).ToList();
        await AlertHarness.EventuallyAsync(() => Task.FromResult(limiters.All(l => l.Instances == instances)), because: "The instances did not see each other's heartbeats.");
        Assert.All(limiters, l => Assert.InRange(l.TenantRate, 0.5 * Limit / instances, ((double)Limit / instances) - 1));

        var traffic = harness.Sandbox.Services.GetRequiredService<TrafficLog>();
        traffic.Clear();
        var alerts = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            alerts.Add(await harness.SendAsync(apps[i % instances], Coordinator, new { severity = "Info", category = "Information", message = $"Test {i}", roles = Roles }));
        }

        await AlertHarness.EventuallyAsync(
            async () => (await Task.WhenAll(alerts.Select(a => harness.DeliveriesAsync(apps[0], a)))).SelectMany(d => d).All(d => d.Status == AlertDeliveryStatus.Sent),
            TimeSpan.FromSeconds(60));

        // What the tenant's limit saw: never more than the limit in any second, and not one 429 from it.
        var writes = traffic.Read("/sandbox/connector/v3/conversations").Where(e => e.Method is "POST" or "PUT").ToList();
        var accepted = writes.Where(e => e.Status is >= 200 and < 300).Select(e => e.Time).OrderBy(t => t).ToList();
        Assert.True(accepted.Count >= 10, $"Only {accepted.Count} writes.");
        var throttled = writes.Where(e => e.Status == 429).Select(e => $"{e.Time:HH:mm:ss.fff} {e.Method} {e.Path} {e.Fault}").ToList();
        // Unshared, each instance would write at the whole limit and draw dozens of 429s; a CPU stall on the shared
        // 2 cores can still bunch a few writes together.
        Assert.True(throttled.Count <= 2, "429 from the sandbox: " + string.Join("; ", throttled));
        var busiest = accepted.Select((t, i) => accepted.Skip(i).TakeWhile(u => u - t < TimeSpan.FromSeconds(1)).Count()).Max();
        Assert.InRange(busiest, 1, Limit);
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
