using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Bot;

namespace TeamsPrevention.Tests.Bot;

/// <summary>Turn routing over HTTP, with the reference activities and a recording Bot Connector.</summary>
public sealed class BotTurnRouterTests
{
    private const string PersonalConversation = "59a26b6d-814b-4e97-a119-10c6b020c20d";

    [Fact]
    public async Task WelcomesOnceOnPersonalInstall()
    {
        await using var bot = await BotHarness.StartAsync();

        using var install = await bot.PostAsync(bot.LoadActivity("installation-update-personal", "fr-BE"), bot.BotToken());
        using var update = await bot.PostAsync(bot.LoadActivity("conversation-update-personal"), bot.BotToken());
        using var duplicate = await bot.PostAsync(bot.LoadActivity("installation-update-personal", "fr-BE"), bot.BotToken());

        Assert.All([install, update, duplicate], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var welcome = Assert.Single(bot.PostedActivities);
        Assert.Equal($"/v3/conversations/{PersonalConversation}/activities", welcome.Path);
        Assert.Equal("Bearer " + Assert.Single(bot.Issuer.IssuedAccessTokens), welcome.Authorization);
        var text = (string)welcome.Json!["text"]!;
        Assert.Contains("TeamsPrevention", text);
        Assert.Contains("aide", text);
        Assert.Equal("message", (string?)welcome.Json["type"]);
        Assert.Equal(BotHarness.BotId, (string?)welcome.Json["from"]?["id"]);
    }

    [Fact]
    public async Task WelcomesInTheLanguageOfTheClient()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.PostAsync(bot.LoadActivity("installation-update-personal", "nl-BE"), bot.BotToken());

        var text = (string)Assert.Single(bot.PostedActivities).Json!["text"]!;
        Assert.Contains("TeamsPrevention", text);
        Assert.Contains("hulp", text);
    }

    [Fact]
    public async Task WelcomesAgainAfterRemovalAndReinstall()
    {
        await using var bot = await BotHarness.StartAsync();
        var install = bot.LoadActivity("installation-update-personal", "fr-BE");
        var remove = bot.LoadActivity("installation-update-personal", "fr-BE");
        remove["action"] = "remove";

        await bot.PostAsync(install, bot.BotToken());
        await bot.PostAsync(remove, bot.BotToken());
        await bot.PostAsync(install, bot.BotToken());

        Assert.Equal(2, bot.PostedActivities.Count);
    }

    [Fact]
    public async Task AnswersAideInFrenchWithTheRegisteredCommands()
    {
        await using var bot = await StartWithExtensionsAsync();
        var message = bot.LoadActivity("message-personal", "fr-BE", "aide");

        using var response = await bot.PostAsync(message, bot.BotToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
        var reply = Assert.Single(bot.PostedActivities);
        Assert.Equal($"/v3/conversations/{PersonalConversation}/activities/{message["id"]}", reply.Path);
        Assert.Equal((string?)message["id"], (string?)reply.Json!["replyToId"]);
        var text = (string)reply.Json["text"]!;
        Assert.Contains("Commandes", text);
        Assert.Contains("**aide**", text);
        Assert.Contains("**ping** : vérifie que le bot répond", text);
    }

    [Fact]
    public async Task AnswersHelpInEnglishGivenEnUsLocale()
    {
        await using var bot = await StartWithExtensionsAsync();

        await bot.PostAsync(bot.LoadActivity("message-personal", "en-US", "help"), bot.BotToken());

        var text = (string)Assert.Single(bot.PostedActivities).Json!["text"]!;
        Assert.Contains("Available commands", text);
        Assert.Contains("**ping**: checks that the bot answers", text);
    }

    [Theory]
    [InlineData("hulp", "de-DE", "Verfügbare Befehle")]
    [InlineData("Hilfe", "nl-BE", "Beschikbare opdrachten")]
    [InlineData("/AIDE ?", null, "Commandes")]
    public async Task UnderstandsEveryHelpWordAndAnswersInTheClientLanguage(string word, string? locale, string expected)
    {
        await using var bot = await BotHarness.StartAsync();
        var message = bot.LoadActivity("message-personal", locale, word);
        if (locale is null)
        {
            message.Remove("locale");
            message.Remove("entities");
        }

        await bot.PostAsync(message, bot.BotToken());

        Assert.Contains(expected, (string)Assert.Single(bot.PostedActivities).Json!["text"]!);
    }

    [Fact]
    public async Task PointsToHelpGivenUnknownText()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.PostAsync(bot.LoadActivity("message-personal", "fr-BE", "bonjour tout le monde"), bot.BotToken());

        var text = (string)Assert.Single(bot.PostedActivities).Json!["text"]!;
        Assert.Contains("aide", text);
        Assert.DoesNotContain("bonjour", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("signaleren")]
    [InlineData("melden")]
    public async Task OpensTheSignalFormGivenTheDutchKeywordOrItsOldAlias(string word)
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.PostAsync(bot.LoadActivity("message-personal", "nl-BE", word), bot.BotToken());

        var reply = Assert.Single(bot.PostedActivities).Json!;
        Assert.Contains("Nieuw signaal", reply["attachments"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsTheDutchSignalKeywordButNotItsOldAlias()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.PostAsync(bot.LoadActivity("message-personal", "nl-BE", "hulp"), bot.BotToken());

        var text = (string)Assert.Single(bot.PostedActivities).Json!["text"]!;
        Assert.Contains("**signaleren**", text, StringComparison.Ordinal);
        Assert.Contains("**melding**", text, StringComparison.Ordinal); // the alerts' word, no longer one letter from it
        Assert.DoesNotContain("**melden**", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunsRegisteredCommandWithItsArguments()
    {
        await using var bot = await StartWithExtensionsAsync();

        await bot.PostAsync(bot.LoadActivity("message-personal", "fr-BE", "Ping   hello   world "), bot.BotToken());

        Assert.Equal("pong:hello world", (string?)Assert.Single(bot.PostedActivities).Json!["text"]);
    }

    [Fact]
    public async Task AnswersChannelMessageThatMentionsTheBotWithoutTheMention()
    {
        await using var bot = await StartWithExtensionsAsync();
        var message = bot.LoadActivity("message-channel-mention", text: "<at>Test Bot</at>&nbsp;ping abc");

        using var response = await bot.PostAsync(message, bot.BotToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(bot.PostedActivities);
        Assert.Equal($"/v3/conversations/channel-announcements-id;messageid=1795905862336/activities/{message["id"]}", reply.Path);
        Assert.Equal("pong:abc", (string?)reply.Json!["text"]);
    }

    [Fact]
    public async Task AnswersGroupChatMessageThatMentionsTheBot()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.PostAsync(bot.LoadActivity("message-group-chat-mention"), bot.BotToken());

        var reply = Assert.Single(bot.PostedActivities);
        Assert.Equal("/v3/conversations/1957f0b3-1861-468b-9bd6-6d5c406b4475/activities/c5f69f49-70a8-4e0a-af9e-420e6cd6d42d", reply.Path);
        Assert.Contains("help", (string)reply.Json!["text"]!);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task IgnoresGroupChatMessageWithoutMentionOfTheBot(bool mentionsSomeoneElse)
    {
        await using var bot = await BotHarness.StartAsync();
        var message = bot.LoadActivity("message-group-chat-mention", text: "aide");
        if (mentionsSomeoneElse)
        {
            message["entities"]![0]!["mentioned"]!["id"] = "29:someone-else";
        }
        else
        {
            message["entities"]!.AsArray().RemoveAt(0);
        }

        using var response = await bot.PostAsync(message, bot.BotToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Connector.Requests);
    }

    [Fact]
    public async Task AnswersCardActionWithTheHandlersCard()
    {
        await using var bot = await StartWithExtensionsAsync();

        using var response = await bot.PostAsync(bot.LoadActivity("invoke-adaptive-card-action"), bot.BotToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]?["type"]);
        Assert.Equal("approved 42 from 1795905862180-d073135b", (string?)body["value"]?["body"]?[0]?["text"]);
        Assert.Empty(bot.Connector.Requests);
    }

    [Theory]
    [InlineData("approve.message", 200, "application/vnd.microsoft.activity.message")]
    [InlineData("approve.refused", 412, "application/vnd.microsoft.error")]
    [InlineData("approve.throws", 500, "application/vnd.microsoft.error")]
    [InlineData("unknown.verb", 400, "application/vnd.microsoft.error")]
    [InlineData("broken.verb", 500, "application/vnd.microsoft.error")]
    public async Task AnswersCardActionWithTheInvokeResponseShape(string verb, int status, string type)
    {
        await using var bot = await StartWithExtensionsAsync();
        var invoke = bot.LoadActivity("invoke-adaptive-card-action");
        invoke["value"]!["action"]!["verb"] = verb;

        using var response = await bot.PostAsync(invoke, bot.BotToken());

        Assert.Equal(status, (int)response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(status, (int?)body["statusCode"]);
        Assert.Equal(type, (string?)body["type"]);
        if (status == 200)
        {
            Assert.Equal("done", (string?)body["value"]);
        }
        else
        {
            Assert.False(string.IsNullOrEmpty((string?)body["value"]?["message"]));
            Assert.NotNull(body["value"]?["code"]);
        }
    }

    [Fact]
    public async Task AnswersNotImplementedGivenUnknownInvokeName()
    {
        await using var bot = await StartWithExtensionsAsync();
        var invoke = bot.LoadActivity("invoke-adaptive-card-action");
        invoke["name"] = "signin/verifyState";

        using var response = await bot.PostAsync(invoke, bot.BotToken());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task AnswersTheComposeExtensionSearchOfAPersonOutsideTheDirectoryWithAMessageAndNoResult()
    {
        await using var bot = await BotHarness.StartAsync();
        var invoke = bot.LoadActivity("invoke-adaptive-card-action");
        invoke["name"] = "composeExtension/query";
        invoke["value"] = new JsonObject { ["commandId"] = "search", ["parameters"] = new JsonArray() };

        using var response = await bot.PostAsync(invoke, bot.BotToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("message", (string?)body["composeExtension"]?["type"]);
        Assert.Null(body["composeExtension"]!["attachments"]);
    }

    [Fact]
    public async Task AnswersTaskFetchWithAMessage()
    {
        await using var bot = await BotHarness.StartAsync();
        var invoke = bot.LoadActivity("invoke-adaptive-card-action", "fr-BE");
        invoke["name"] = "task/fetch";

        using var response = await bot.PostAsync(invoke, bot.BotToken());

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("message", (string?)body["task"]?["type"]);
        Assert.Contains("pas encore disponible", (string?)body["task"]?["value"]);
    }

    private static Task<BotHarness> StartWithExtensionsAsync() => BotHarness.StartAsync(services: s =>
    {
        s.AddScoped<IBotCommand, PingCommand>();
        s.AddCardActionHandler<ApproveCardHandler>();
        s.AddCardActionHandler<UnbuildableCardHandler>();
    });
}
