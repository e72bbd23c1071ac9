using System.Text.Json.Nodes;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Secrecy;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Secrecy;

/// <summary>
/// The confidentiality commitment end to end over HTTP: the sandbox plays Teams (signed activities to the App's
/// <c>/api/messages</c>, the persona's inbox), the App records the acknowledgement in its SQLite file.
/// </summary>
public sealed class SecrecyFlowTests
{
    private static readonly DemoPersona Sophie = DemoTenant.Personas.Single(p => p.DisplayName == "Sophie Martin");
    private static readonly DemoPersona Jan = DemoTenant.Personas.Single(p => p.DisplayName == "Jan Peeters");

    [Fact]
    public async Task SendsTheCommitmentCardAfterTheWelcomeAsAMessageOfItsOwn()
    {
        await using var app = SecrecyApp.Start();

        await app.InstallAsync(Sophie.ObjectId);

        var sent = await app.BotActivitiesAsync(Sophie.ObjectId);
        Assert.Equal(2, sent.Count);
        Assert.Contains("TeamsPrevention", (string?)sent[0]["text"], StringComparison.Ordinal);
        Assert.Null(SecrecyApp.CardOf(sent[0]));
        var card = SecrecyApp.CardOf(sent[1]);
        Assert.NotNull(card);
        Assert.Equal("Engagement de confidentialité", (string?)card["body"]![0]!["text"]);
        Assert.Equal("secrecy.accept", (string?)card["actions"]![0]!["verb"]);
        // The notification preview is the title: no personal data.
        Assert.Equal("Engagement de confidentialité", (string?)sent[1]["activity"]!["summary"]);
        Assert.DoesNotContain("Sophie", sent[1].ToJsonString(), StringComparison.Ordinal);
        await AdaptiveCardValidator.AssertValidAsync(card, "secrecy card as sent");
    }

    [Fact]
    public async Task SendsTheCardInThePersonsDirectoryLanguage()
    {
        await using var app = SecrecyApp.Start();

        await app.InstallAsync(Jan.ObjectId);

        var card = SecrecyApp.CardOf((await app.BotActivitiesAsync(Jan.ObjectId))[1]);
        Assert.Equal("Geheimhoudingsverbintenis", (string?)card!["body"]![0]!["text"]);
        Assert.Equal("Ik ga akkoord", (string?)card["actions"]![0]!["title"]);
    }

    [Fact]
    public async Task RecordsTheAcknowledgementOnceGivenTwoClicks()
    {
        await using var app = SecrecyApp.Start();
        await app.InstallAsync(Sophie.ObjectId);
        var cardActivity = (await app.BotActivitiesAsync(Sophie.ObjectId))[1];
        var data = SecrecyApp.CardOf(cardActivity)!["actions"]![0]!["data"];
        var id = (string)cardActivity["id"]!;

        var first = await app.PressAsync(Sophie.ObjectId, id, "secrecy.accept", data?.DeepClone());
        var second = await app.PressAsync(Sophie.ObjectId, id, "secrecy.accept", data?.DeepClone());

        Assert.Equal(200, (int?)first["status"]);
        Assert.Equal(200, (int?)second["status"]);
        Assert.True((bool?)first["cardReplaced"]);
        var acknowledgement = Assert.Single(await app.AcknowledgementsAsync());
        Assert.Equal(Sophie.ObjectId, acknowledgement.PersonObjectId);
        Assert.Equal("general", acknowledgement.Scope);
        Assert.Equal(1, acknowledgement.TextVersion);
        Assert.Equal(TimeSpan.Zero, acknowledgement.AcknowledgedAt.Offset);
        Assert.True(DateTimeOffset.UtcNow - acknowledgement.AcknowledgedAt < TimeSpan.FromMinutes(2));

        var audit = Assert.Single(await app.AuditEntriesAsync(AuditAction.Acknowledge));
        Assert.Equal(Sophie.ObjectId, audit.Actor);
        Assert.Equal("Referent", audit.ActorRole);
        Assert.Equal(SecrecyAcknowledgements.AuditTargetType, audit.TargetType);
        Assert.Equal("general/v1", audit.TargetId);
        Assert.Equal(AuditOutcome.Success, audit.Outcome);

        // Both answers show the same recorded time; the card is replaced in place, without a button.
        Assert.Equal(first["body"]!["value"]!.ToJsonString(), second["body"]!["value"]!.ToJsonString());
        var replaced = (await app.BotActivitiesAsync(Sophie.ObjectId))[1];
        Assert.Equal(id, (string?)replaced["id"]);
        var card = SecrecyApp.CardOf(replaced)!;
        Assert.Null(card["actions"]);
        Assert.StartsWith("Engagement enregistré le ", (string?)card["body"]![1]!["text"], StringComparison.Ordinal);
        await AdaptiveCardValidator.AssertValidAsync(card, "acknowledged card as replaced");
    }

    [Fact]
    public async Task RecordsOnceGivenSimultaneousClicks()
    {
        await using var app = SecrecyApp.Start();
        await app.InstallAsync(Sophie.ObjectId);
        var cardActivity = (await app.BotActivitiesAsync(Sophie.ObjectId))[1];
        var id = (string)cardActivity["id"]!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            app.PressAsync(Sophie.ObjectId, id, "secrecy.accept", new JsonObject { ["scope"] = "general", ["version"] = 1 })));

        Assert.All(answers, a => Assert.Equal(200, (int?)a["status"]));
        Assert.Single(await app.AcknowledgementsAsync());
        Assert.Single(await app.AuditEntriesAsync(AuditAction.Acknowledge));
    }

    [Fact]
    public async Task ShowsTheCardAgainOnCommandThenTheAcknowledgedState()
    {
        await using var app = SecrecyApp.Start();
        await app.InstallAsync(Sophie.ObjectId);

        await app.SayAsync(Sophie.ObjectId, "confidentialité");
        var again = (await app.BotActivitiesAsync(Sophie.ObjectId))[^1];
        Assert.Equal("secrecy.accept", (string?)SecrecyApp.CardOf(again)!["actions"]![0]!["verb"]);

        await app.PressAsync(Sophie.ObjectId, (string)again["id"]!, "secrecy.accept", new JsonObject { ["scope"] = "general", ["version"] = 1 });
        await app.SayAsync(Sophie.ObjectId, "Confidentialite");
        var state = SecrecyApp.CardOf((await app.BotActivitiesAsync(Sophie.ObjectId))[^1])!;
        Assert.Null(state["actions"]);
        Assert.StartsWith("Engagement enregistré le ", (string?)state["body"]![1]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoesNotSendTheCardAgainOnReinstallOnceAcknowledged()
    {
        await using var app = SecrecyApp.Start();
        await app.InstallAsync(Sophie.ObjectId);
        var id = (string)(await app.BotActivitiesAsync(Sophie.ObjectId))[1]["id"]!;
        await app.PressAsync(Sophie.ObjectId, id, "secrecy.accept", new JsonObject { ["scope"] = "general", ["version"] = 1 });

        await app.PostAsync($"inbox/{Sophie.ObjectId}/uninstall");
        await app.InstallAsync(Sophie.ObjectId);

        var sent = await app.BotActivitiesAsync(Sophie.ObjectId);
        Assert.Equal(3, sent.Count);
        Assert.Null(SecrecyApp.CardOf(sent[2]));
    }

    [Fact]
    public async Task AnswersTheCurrentTextWithoutRecordingGivenAnOldTextVersion()
    {
        await using var app = SecrecyApp.Start();
        await app.InstallAsync(Sophie.ObjectId);
        var id = (string)(await app.BotActivitiesAsync(Sophie.ObjectId))[1]["id"]!;

        var answer = await app.PressAsync(Sophie.ObjectId, id, "secrecy.accept", new JsonObject { ["scope"] = "general", ["version"] = 0 });

        Assert.Equal(200, (int?)answer["status"]);
        Assert.Equal(1, (int?)answer["body"]!["value"]!["actions"]![0]!["data"]!["version"]);
        Assert.Empty(await app.AcknowledgementsAsync());
    }
}
