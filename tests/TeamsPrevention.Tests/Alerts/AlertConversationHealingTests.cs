using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Data;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>
/// A person's stored chat whose service no longer answers (the Agents Playground used once, then stopped) heals
/// itself: the card goes through the tenant's own service address, and that chat is stored for the next alert.
/// </summary>
public sealed class AlertConversationHealingTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");
    private static readonly DemoPersona Anne = DemoTenant.Personas.First(p => p.OrganisationKey == "school");

    [Fact]
    public async Task ACardToAChatWhoseServiceIsGoneIsSentThroughTheTenantsServiceAndTheChatIsReplaced()
    {
        await using var harness = await AlertHarness.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Bot:Connector:MaxAttempts"] = "2",
            ["Bot:Connector:AttemptTimeout"] = "00:00:02",
        });
        var app = harness.StartApp();
        var anne = await AlertHarness.PersonAsync(app, Anne.ObjectId);
        const string Dead = "http://127.0.0.1:9/_connector/";
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.Add(new OpenedChat { PersonId = anne.Id, ConversationId = "a:playground-chat", ServiceUrl = Dead, CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);

        var alertId = await harness.SendAsync(app, Coordinator, new
        {
            severity = "Info",
            category = "Signal",
            message = "Test",
            organisations = new[] { organisations["school"] },
        });

        await AlertHarness.EventuallyAsync(async () => (await harness.InboxAsync(Anne.ObjectId)).Count == 1, because: "the card reaches Anne through the sandbox");
        // The worker records the delivery once the Connector has answered, a moment after the card is in the inbox.
        await AlertHarness.EventuallyAsync(async () => (await harness.DeliveriesAsync(app, alertId)).All(d => d.Status != AlertDeliveryStatus.Queued), because: "the worker records the send");
        var delivery = Assert.Single(await harness.DeliveriesAsync(app, alertId));
        Assert.Equal(AlertDeliveryStatus.Sent, delivery.Status);
        Assert.StartsWith(harness.Sandbox.BaseUrl.ToString(), delivery.ServiceUrl, StringComparison.Ordinal);
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<OpenedChat>().AsNoTracking().SingleAsync(c => c.PersonId == anne.Id));
        Assert.NotEqual(Dead, stored.ServiceUrl);
        Assert.Equal(delivery.ConversationId, stored.ConversationId);
    }
}
