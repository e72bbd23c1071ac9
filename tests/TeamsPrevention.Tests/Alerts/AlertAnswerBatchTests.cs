using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>
/// A batch of answers committed together (<see cref="AlertAnswerWriter"/>): who answers and what they may answer resolved
/// for the whole batch, then one statement on the database: each recipient answered once, by the first answer of the
/// batch that names it, and never over an earlier answer.
/// </summary>
public sealed class AlertAnswerBatchTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");

    [Theory, BothProviders]
    public async Task RecordsEachRecipientOnceForTheFirstAnswerThatNamesIt(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);
        var anne = await AlertHarness.PersonAsync(app, AlertHarness.Oid("Partner"));
        var people = await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<Person>().AsNoTracking()
            .Where(p => p.DisplayName == "Jan Peeters" || p.DisplayName == "Pieter De Smet" || p.DisplayName == "Emma Wilson")
            .ToDictionaryAsync(p => p.DisplayName, p => p.Id));
        var alertId = await AlertHarness.CreateAlertAsync(app, Coordinator, new
        {
            severity = "Info",
            category = "Coordination",
            message = "Message de test",
            organisations = new[] { organisations["school"] },
            people = people.Values.ToArray(),
        });
        var recipients = await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<AlertRecipient>().AsNoTracking()
            .Where(r => r.AlertId == alertId).ToListAsync());
        var school = recipients.Single(r => r.Kind == AlertRecipientKind.Organisation).Id;
        Guid Of(string name) => recipients.Single(r => r.PersonId == people[name]).Id;
        var jan = await AlertHarness.PersonAsync(app, AlertHarness.Oid("PoliceReferent"));
        var emma = await AlertHarness.PersonAsync(app, Persona("Emma Wilson"));

        // Emma answered before the batch.
        await CommitAsync(app, [new AlertAnswerWrite(alertId, null, emma, AlertAnswer.NotConcerned, [Of("Emma Wilson")], false)]);

        var outcomes = await CommitAsync(app,
        [
            new AlertAnswerWrite(alertId, null, anne, AlertAnswer.Acknowledged, [school], false),
            new AlertAnswerWrite(alertId, null, jan, AlertAnswer.NeedMoreInformation, [Of("Jan Peeters")], false),
            new AlertAnswerWrite(alertId, null, jan, AlertAnswer.NotConcerned, [school], false),               // the school again: too late
            new AlertAnswerWrite(alertId, null, emma, AlertAnswer.Acknowledged, [Of("Emma Wilson")], false),   // answered before the batch
        ]);

        Assert.Equal([true, true, false, false], outcomes);
        var after = await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<AlertRecipient>().AsNoTracking()
            .Where(r => r.AlertId == alertId).ToDictionaryAsync(r => r.Id));
        Assert.Equal((AlertAnswer?)AlertAnswer.Acknowledged, after[school].Answer);
        Assert.Equal(anne.Id, after[school].AnsweredByPersonId);
        Assert.Equal((AlertAnswer?)AlertAnswer.NeedMoreInformation, after[Of("Jan Peeters")].Answer);
        Assert.Equal(jan.Id, after[Of("Jan Peeters")].AnsweredByPersonId);
        Assert.Equal((AlertAnswer?)AlertAnswer.NotConcerned, after[Of("Emma Wilson")].Answer);
        Assert.Null(after[Of("Pieter De Smet")].Answer);
        Assert.All(after.Values.Where(r => r.Answer is not null), r => Assert.Null(r.EscalationDueAt));
        Assert.All(after.Values.Where(r => r.Answer is not null), r => Assert.NotNull(r.AnsweredAt));
    }

    [Theory, BothProviders]
    public async Task ResolvesWhoAnswersAndWhatTheyMayAnswerForTheWholeBatch(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);
        var anne = await AlertHarness.PersonAsync(app, AlertHarness.Oid("Partner"));
        var jan = await AlertHarness.PersonAsync(app, AlertHarness.Oid("PoliceReferent"));
        var emma = await AlertHarness.PersonAsync(app, Persona("Emma Wilson"));
        var pieter = await AlertHarness.PersonAsync(app, Persona("Pieter De Smet"));
        var karim = await AlertHarness.PersonAsync(app, Persona("Karim Benali"));
        var coordinator = await AlertHarness.PersonAsync(app, Coordinator);
        var alertId = await AlertHarness.CreateAlertAsync(app, Coordinator, new
        {
            severity = "Elevated",
            category = "Signal",
            message = "Message de test",
            organisations = new[] { organisations["school"], organisations["cpas"] },
            people = new[] { jan.Id, emma.Id },
        });
        var withdrawnId = await AlertHarness.CreateAlertAsync(app, Coordinator, new
        {
            severity = "Info",
            category = "Coordination",
            message = "Message retiré",
            people = new[] { karim.Id },
        });
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<AlertService>().WithdrawAsync(withdrawnId, coordinator, CancellationToken.None)));
        Assert.Equal(AnswerOutcome.Recorded, (await RecordAsync(app, [ByObjectId(alertId, emma, AlertAnswer.NotConcerned)]))[0].Outcome);

        var results = await RecordAsync(app,
        [
            ByObjectId(alertId, anne, AlertAnswer.Acknowledged),                                                   // for the school
            ByObjectId(alertId, anne, AlertAnswer.NotConcerned),                                                   // again: the first one stands
            new AlertAnswerRequest(alertId, AlertAnswer.NeedMoreInformation, null, null, jan.TeamsUserId),         // known by the Teams id only
            ByObjectId(alertId, emma, AlertAnswer.Acknowledged),                                                   // answered before the batch
            new AlertAnswerRequest(alertId, AlertAnswer.Acknowledged, null, Guid.NewGuid(), "29:unknown"),         // nobody the directory knows
            ByObjectId(alertId, coordinator, AlertAnswer.Acknowledged),                                            // the sender, not a recipient
            ByObjectId(Guid.NewGuid(), anne, AlertAnswer.Acknowledged),                                            // no such alert
            ByObjectId(withdrawnId, karim, AlertAnswer.Acknowledged),                                              // withdrawn
            AlertAnswerRequest.ByPerson(alertId, AlertAnswer.Acknowledged, pieter),                                // the tab's answer, for the CPAS
        ]);

        Assert.Equal(
            [AnswerOutcome.Recorded, AnswerOutcome.AlreadyAnswered, AnswerOutcome.Recorded, AnswerOutcome.AlreadyAnswered, AnswerOutcome.NotARecipient,
                AnswerOutcome.NotARecipient, AnswerOutcome.NotFound, AnswerOutcome.Withdrawn, AnswerOutcome.Recorded],
            results.Select(r => r.Outcome));
        Assert.All(results.Where(r => r.Outcome is AnswerOutcome.NotARecipient or AnswerOutcome.NotFound), r => Assert.Null(r.View));

        // Every answer that may see the card gets the card as it stands after the whole batch.
        var view = results[0].View!;
        Assert.All(new[] { 1, 2, 3, 8 }, i => Assert.Same(view, results[i].View));
        Assert.Equal(2, view.AnswerCounts[AlertAnswer.Acknowledged]);
        Assert.Equal(1, view.AnswerCounts[AlertAnswer.NeedMoreInformation]);
        Assert.Equal(1, view.AnswerCounts[AlertAnswer.NotConcerned]);
        Assert.True(results[7].View!.Withdrawn);

        var after = await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<AlertRecipient>().AsNoTracking()
            .Where(r => r.AlertId == alertId || r.AlertId == withdrawnId).ToListAsync());
        Assert.Equal((AlertAnswer?)AlertAnswer.Acknowledged, after.Single(r => r.OrganisationId == organisations["school"]).Answer);
        Assert.Equal(anne.Id, after.Single(r => r.OrganisationId == organisations["school"]).AnsweredByPersonId);
        Assert.Equal(pieter.Id, after.Single(r => r.OrganisationId == organisations["cpas"]).AnsweredByPersonId);
        Assert.Equal(jan.Id, after.Single(r => r.PersonId == jan.Id).AnsweredByPersonId);
        Assert.Equal((AlertAnswer?)AlertAnswer.NotConcerned, after.Single(r => r.PersonId == emma.Id).Answer);
        Assert.Null(after.Single(r => r.AlertId == withdrawnId).Answer);
    }

    [Theory, BothProviders]
    public async Task RaisesTheVersionOfTheAlertsItChangedAndAsksForTheirCardsOnlyThen(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var jan = await AlertHarness.PersonAsync(app, AlertHarness.Oid("PoliceReferent"));
        var emma = await AlertHarness.PersonAsync(app, Persona("Emma Wilson"));
        var pieter = await AlertHarness.PersonAsync(app, Persona("Pieter De Smet"));
        var karim = await AlertHarness.PersonAsync(app, Persona("Karim Benali"));
        var wide = await AlertHarness.CreateAlertAsync(app, Coordinator, new
        {
            severity = "Info",
            category = "Coordination",
            message = "Message de test",
            people = new[] { jan.Id, emma.Id, pieter.Id },
        });
        var narrow = await AlertHarness.CreateAlertAsync(app, Coordinator, new
        {
            severity = "Info",
            category = "Coordination",
            message = "Autre message",
            people = new[] { karim.Id, emma.Id },
        });
        var recipients = await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<AlertRecipient>().AsNoTracking()
            .Where(r => r.AlertId == wide || r.AlertId == narrow).ToListAsync());
        Guid Of(Guid alertId, DirectoryPerson person) => recipients.Single(r => r.AlertId == alertId && r.PersonId == person.Id).Id;

        // Emma answered both before; then a batch where, on the wide alert (its cards updated rather than refreshed), Jan
        // and Pieter answer and Emma presses again, and on the other alert only Emma presses again.
        await CommitAsync(app,
        [
            new AlertAnswerWrite(wide, null, emma, AlertAnswer.NotConcerned, [Of(wide, emma)], true),
            new AlertAnswerWrite(narrow, null, emma, AlertAnswer.NotConcerned, [Of(narrow, emma)], true),
        ]);
        var first = await StateAsync(app, wide, narrow);
        Assert.Equal(new[] { wide, narrow }.Order(), first.Updates.Keys.Order());
        await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AlertCardUpdate>().Where(u => u.AlertId == narrow).ExecuteDeleteAsync());
        var before = await StateAsync(app, wide, narrow);

        var outcomes = await CommitAsync(app,
        [
            new AlertAnswerWrite(wide, null, jan, AlertAnswer.Acknowledged, [Of(wide, jan)], true),
            new AlertAnswerWrite(wide, null, emma, AlertAnswer.Acknowledged, [Of(wide, emma)], true),
            new AlertAnswerWrite(wide, null, pieter, AlertAnswer.NeedMoreInformation, [Of(wide, pieter)], true),
            new AlertAnswerWrite(narrow, null, emma, AlertAnswer.Acknowledged, [Of(narrow, emma)], true),
        ]);

        Assert.Equal([true, false, true, false], outcomes);
        var after = await StateAsync(app, wide, narrow);
        Assert.Equal(before.Versions[wide] + 2, after.Versions[wide]);     // one per person whose answer was recorded
        Assert.Equal(before.Versions[narrow], after.Versions[narrow]);     // nothing changed: no new version, no card update
        Assert.Equal([wide], after.Updates.Keys);
        Assert.NotEqual(before.Updates[wide], after.Updates[wide]);        // the one request of the alert, stamped anew

        // Answered within the refresh limit: a new version, no update asked.
        await CommitAsync(app, [new AlertAnswerWrite(narrow, null, karim, AlertAnswer.Acknowledged, [Of(narrow, karim)], false)]);
        var last = await StateAsync(app, wide, narrow);
        Assert.Equal(after.Versions[narrow] + 1, last.Versions[narrow]);
        Assert.Equal(after.Updates, last.Updates);
    }

    /// <summary>The alerts' versions, and the stamp of each card update request.</summary>
    private static Task<(Dictionary<Guid, int> Versions, Dictionary<Guid, Guid> Updates)> StateAsync(DatabaseApp app, params Guid[] alertIds) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var versions = await db.Set<Alert>().AsNoTracking().Where(a => alertIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Version);
            var updates = await db.Set<AlertCardUpdate>().AsNoTracking().Where(u => alertIds.Contains(u.AlertId)).ToDictionaryAsync(u => u.AlertId, u => u.Stamp);
            return (versions, updates);
        });

    private static string Persona(string name) => TeamsPrevention.Sandbox.Tenant.DemoTenant.Personas.First(p => p.DisplayName == name).ObjectId;

    private static AlertAnswerRequest ByObjectId(Guid alertId, DirectoryPerson person, AlertAnswer answer) => new(alertId, answer, null, person.EntraObjectId, null);

    private static Task<AnswerResult[]> RecordAsync(DatabaseApp app, IReadOnlyList<AlertAnswerRequest> requests) =>
        InTransactionAsync(app, alerts => alerts.RecordAnswers(requests));

    private static Task<bool[]> CommitAsync(DatabaseApp app, IReadOnlyList<AlertAnswerWrite> writes) =>
        InTransactionAsync(app, alerts => alerts.ApplyAnswers(writes));

    /// <summary>Runs <paramref name="work"/> in one committed transaction, as <see cref="AlertAnswerWriter"/> does.</summary>
    private static Task<T> InTransactionAsync<T>(DatabaseApp app, Func<AlertService, T> work) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = work(sp.GetRequiredService<AlertService>());
        await transaction.CommitAsync();
        return result;
    });
}
