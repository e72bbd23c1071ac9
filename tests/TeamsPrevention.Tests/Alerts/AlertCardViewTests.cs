using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
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

    [Theory, BothProviders]
    public async Task ShowsTheAlertItsSenderAndEveryKindOfAnswerFromOneRead(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);
        var names = await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<Organisation>().AsNoTracking()
            .ToDictionaryAsync(o => o.Id, o => o.Name));
        var people = await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<Person>().AsNoTracking()
            .Where(p => p.DisplayName == "Jan Peeters" || p.DisplayName == "Pieter De Smet" || p.DisplayName == "Emma Wilson")
            .ToListAsync());
        var coordinator = await AlertHarness.PersonAsync(app, Coordinator);
        var alertId = await AlertHarness.CreateAlertAsync(app, Coordinator, new
        {
            severity = "Elevated",
            category = "Coordination",
            message = "Message de test",
            organisations = new[] { organisations["school"] },
            people = people.Select(p => p.Id).ToArray(),
        });

        var fresh = await ViewAsync(app, alertId);
        Assert.NotNull(fresh);
        Assert.Equal(names[coordinator.OrganisationId], fresh.SenderOrganisation);
        Assert.Equal((AlertSeverity.Elevated, AlertCategory.Coordination, false), (fresh.Severity, fresh.Category, fresh.Withdrawn));
        Assert.Empty(fresh.Answers);
        Assert.Empty(fresh.AnswerCounts);

        // The school (through its contact) and the three people answer, every kind of answer given at least once; a
        // person's line names the organisation of who answered.
        var anne = await AlertHarness.PersonAsync(app, AlertHarness.Oid("Partner"));
        var answerers = new List<DirectoryPerson> { anne };
        foreach (var person in people)
        {
            answerers.Add(await AlertHarness.PersonAsync(app, person.EntraObjectId.ToString()));
        }

        var kinds = Enum.GetValues<AlertAnswer>();
        Assert.True(answerers.Count >= kinds.Length);
        var given = new List<(string Organisation, AlertAnswer Answer)>();
        for (var i = 0; i < answerers.Count; i++)
        {
            var answer = kinds[i % kinds.Length];
            var result = await app.InScopeAsync(sp => sp.GetRequiredService<AlertService>().AnswerAsync(alertId, answerers[i], answer, CancellationToken.None));
            Assert.Equal(AnswerOutcome.Recorded, result.Outcome);
            given.Add((names[answerers[i].OrganisationId], answer));
        }

        var answered = await ViewAsync(app, alertId);
        Assert.NotNull(answered);
        Assert.Equal(given, answered.Answers.Select(a => (a.Organisation, a.Answer)));
        Assert.Equal(given.GroupBy(g => g.Answer).ToDictionary(g => g.Key, g => g.Count()), answered.AnswerCounts);
        Assert.Equal(fresh.Version + answerers.Count, answered.Version);

        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<AlertService>().WithdrawAsync(alertId, coordinator, CancellationToken.None)));
        var withdrawn = await ViewAsync(app, alertId);
        Assert.True(withdrawn!.Withdrawn);
        Assert.Equal(answered.Version + 1, withdrawn.Version);
        Assert.Equal(answered.AnswerCounts, withdrawn.AnswerCounts);

        Assert.Null(await ViewAsync(app, Guid.NewGuid()));
    }

    private static Task<AlertCardView?> ViewAsync(DatabaseApp app, Guid alertId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AlertService>().GetCardViewAsync(alertId, CancellationToken.None));
}
