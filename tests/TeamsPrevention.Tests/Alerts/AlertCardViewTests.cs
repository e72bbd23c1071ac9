using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>
/// What the card of a widely sent alert shows, read from the database: every answer counted by kind, only the latest
/// <see cref="AlertCardView.MaxAnswerLines"/> listed (oldest of them first) with the answering organisation.
/// </summary>
public sealed class AlertCardViewTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");

    [Theory, BothProviders]
    public async Task CountsEveryAnswerAndListsOnlyTheLatestOnes(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);
        var alertId = await AlertHarness.CreateAlertAsync(app, Coordinator, new
        {
            severity = "Info",
            category = "Coordination",
            message = "Message de test",
            organisations = new[] { organisations["school"] },
        });

        // 45 answered recipients beside the school (as an alert to many people would have), each a minute apart:
        // the first 30 acknowledged, the next 15 not concerned.
        var cpas = organisations["cpas"];
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.AddRange(Enumerable.Range(0, 45).Select(i => new AlertRecipient
            {
                Id = Guid.NewGuid(),
                AlertId = alertId,
                Kind = AlertRecipientKind.Organisation,
                OrganisationId = cpas,
                ChosenAs = AlertAudienceSource.Organisation,
                Answer = i < 30 ? AlertAnswer.Acknowledged : AlertAnswer.NotConcerned,
                AnsweredAt = start.AddMinutes(i),
            }));
            return await db.SaveChangesAsync();
        });

        var view = await app.InScopeAsync(sp => sp.GetRequiredService<AlertService>().GetCardViewAsync(alertId, CancellationToken.None));

        Assert.NotNull(view);
        Assert.Equal(30, view.AnswerCounts[AlertAnswer.Acknowledged]);
        Assert.Equal(15, view.AnswerCounts[AlertAnswer.NotConcerned]);
        Assert.False(view.AnswerCounts.ContainsKey(AlertAnswer.NeedMoreInformation));
        Assert.Equal(AlertCardView.MaxAnswerLines, view.Answers.Count);
        Assert.Equal([.. Enumerable.Range(5, 40).Select(i => start.AddMinutes(i))], view.Answers.Select(a => a.At.ToUniversalTime()));
        Assert.All(view.Answers, a => Assert.Equal("CPAS de Namur (fictif)", a.Organisation));
    }
}
