using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>
/// A batch of answers committed together (<see cref="AlertAnswerWriter"/>) is one statement on the database: each
/// recipient answered once, by the first answer of the batch that names it, and never over an earlier answer.
/// </summary>
public sealed class AlertAnswerBatchTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");

    [Theory, BothProviders]
    public async Task RecordsEachRecipientOnceForTheFirstAnswerThatNamesIt(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);
        var anne = await PersonAsync(app, AlertHarness.Oid("Partner"));
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
        var jan = await PersonAsync(app, AlertHarness.Oid("PoliceReferent"));
        var emma = await PersonAsync(app, TeamsPrevention.Sandbox.Tenant.DemoTenant.Personas.First(p => p.DisplayName == "Emma Wilson").ObjectId);

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

    private static Task<bool[]> CommitAsync(DatabaseApp app, IReadOnlyList<AlertAnswerWrite> writes) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var outcomes = await sp.GetRequiredService<AlertService>().ApplyAnswersAsync(writes, CancellationToken.None);
        await transaction.CommitAsync();
        return outcomes;
    });

    private static Task<DirectoryPerson> PersonAsync(DatabaseApp app, string oid) => app.InScopeAsync(async sp =>
        (await sp.GetRequiredService<DirectoryService>().FindByEntraObjectIdAsync(Guid.Parse(oid), CancellationToken.None))!);
}
