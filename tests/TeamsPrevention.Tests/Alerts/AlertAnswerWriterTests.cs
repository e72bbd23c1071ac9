using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>The answer writer's own thread: stopping it writes the answers already queued and refuses those that come after.</summary>
public sealed class AlertAnswerWriterTests
{
    [Theory, BothProviders]
    public async Task WritesTheAnswersQueuedBeforeItStopsAndRefusesLaterOnes(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, new Dictionary<string, string?> { ["Alerts:Delivery:Enabled"] = "false" });
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);
        var alertId = await AlertHarness.CreateAlertAsync(app, AlertHarness.Oid("Coordinator"), new
        {
            severity = "Info",
            category = "Coordination",
            message = "Message de test",
            organisations = new[] { organisations["school"] },
        });
        var anne = await AlertHarness.PersonAsync(app, AlertHarness.Oid("Partner"));
        var writer = app.Services.GetRequiredService<AlertAnswerWriter>();

        var answers = Enumerable.Range(0, 10)
            .Select(i => writer.WriteAsync(AlertAnswerRequest.ByPerson(alertId, i == 0 ? AlertAnswer.Acknowledged : AlertAnswer.NotConcerned, anne), CancellationToken.None))
            .ToList();
        writer.Dispose();

        // Stopping waited for them: each is answered already, the first recorded and the others too late.
        Assert.All(answers, a => Assert.True(a.IsCompletedSuccessfully));
        var outcomes = answers.Select(a => a.Result.Outcome).ToList();
        Assert.Equal(AnswerOutcome.Recorded, outcomes[0]);
        Assert.All(outcomes.Skip(1), o => Assert.Equal(AnswerOutcome.AlreadyAnswered, o));
        var school = await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<AlertRecipient>().AsNoTracking()
            .SingleAsync(r => r.AlertId == alertId));
        Assert.Equal((AlertAnswer?)AlertAnswer.Acknowledged, school.Answer);
        Assert.Equal(anne.Id, school.AnsweredByPersonId);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.WriteAsync(AlertAnswerRequest.ByPerson(alertId, AlertAnswer.NotConcerned, anne), CancellationToken.None));
        writer.Dispose();
    }
}
