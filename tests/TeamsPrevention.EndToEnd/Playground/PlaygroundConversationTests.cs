using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Playground;

/// <summary>
/// The first conversation, end to end: the real App on Kestrel (embedded sandbox, SQLite) and the Microsoft 365 Agents
/// Playground talking to it over the Bot Connector protocol, driven only through the Playground's HTTP surface and read
/// from its conversation stream. The Playground itself always says en-US; French (the product's first language) is sent
/// as the same activities with a French locale through the Playground's custom-activity route.
/// </summary>
public sealed class PlaygroundConversationTests : IAsyncLifetime
{
    /// <summary>What the Playground sends on its own.</summary>
    private const string PlaygroundLocale = "en-US";

    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SilenceWindow = TimeSpan.FromSeconds(3);

    private AppWithPlayground? _stack;

    private PlaygroundFixture Playground => _stack!.Playground;

    private AppServer App => _stack!.App;

    public async Task InitializeAsync() => _stack = await AppWithPlayground.StartAsync();

    public async Task DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("fr-BE")]
    [InlineData(PlaygroundLocale)]
    public async Task WelcomesOnceWhenInstalledInPersonalChat(string locale)
    {
        var words = Words.For(locale);
        var chat = Playground.Config.PersonalChat.Id;

        if (locale == PlaygroundLocale)
        {
            await Playground.InstallAsync(chat);
        }
        else
        {
            await Playground.InstallInLocaleAsync(chat, locale);
        }

        var welcome = await Playground.NextBotMessageAsync(m => m.IsIn(chat), AnswerTimeout);
        Assert.Contains("TeamsPrevention", welcome.AllText, StringComparison.Ordinal);
        Assert.Contains(words.Help, welcome.AllText, StringComparison.OrdinalIgnoreCase);

        // The Playground's user is in the demo directory: the confidentiality card follows, as a message of its own.
        var secrecy = await Playground.NextBotMessageAsync(m => m.IsIn(chat), AnswerTimeout);
        Assert.Contains("secrecy.accept", secrecy.AllText, StringComparison.Ordinal);
        Assert.Single(secrecy.Attachments);

        // installationUpdate and conversationUpdate both arrive: one welcome (and one card), not two.
        var more = await Playground.BotMessagesWithinAsync(SilenceWindow, m => m.IsIn(chat));
        Assert.True(more.Count == 0, $"Expected a single welcome, also got:\n{string.Join('\n', more)}");

        App.AssertNoErrorsLogged();
    }

    [Theory]
    [InlineData("fr-BE")]
    [InlineData(PlaygroundLocale)]
    public async Task ListsCommandsWhenAskedForHelpInPersonalChat(string locale)
    {
        var words = Words.For(locale);
        var chat = Playground.Config.PersonalChat.Id;

        var answerIn = await SendAsync(chat, words.Help, locale, mentionBot: false);

        var answer = await Playground.NextBotMessageAsync(m => m.IsIn(answerIn), AnswerTimeout);
        Assert.Contains(words.Commands, answer.AllText, StringComparison.OrdinalIgnoreCase);

        // The Playground (like Teams) reads the text as Markdown with HTML: anything tag-like ("situation <code>") is
        // swallowed. The help line of the situation command reads whole, with a code as example.
        Assert.DoesNotMatch(@"<[A-Za-z/][^>]*>", answer.Text ?? "");
        Assert.Contains("situation K7M-4QX", answer.Text ?? "", StringComparison.Ordinal);

        App.AssertNoErrorsLogged();
    }

    [Theory]
    [InlineData("fr-BE")]
    [InlineData(PlaygroundLocale)]
    public async Task PointsToHelpWhenTheWordIsUnknown(string locale)
    {
        var words = Words.For(locale);
        var chat = Playground.Config.PersonalChat.Id;

        var answerIn = await SendAsync(chat, "ornithorynque", locale, mentionBot: false);
        var answer = await Playground.NextBotMessageAsync(m => m.IsIn(answerIn), AnswerTimeout);

        Assert.Contains(words.Help, answer.AllText, StringComparison.OrdinalIgnoreCase);

        // A pointer to help, not the command list itself given to anything.
        await SendAsync(chat, words.Help, locale, mentionBot: false);
        var help = await Playground.NextBotMessageAsync(m => m.IsIn(answerIn), AnswerTimeout);
        Assert.NotEqual(help.AllText, answer.AllText);

        App.AssertNoErrorsLogged();
    }

    [Theory]
    [InlineData("fr-BE")]
    [InlineData(PlaygroundLocale)]
    public async Task AnswersInTheChannelWhenMentionedThere(string locale)
    {
        var words = Words.For(locale);
        var channel = Playground.Config.Team.Channels.Single(c => c.Id != Playground.Config.Team.Id).Id;

        var answerIn = await SendAsync(channel, words.Help, locale, mentionBot: true);

        var answer = await Playground.NextBotMessageAsync(m => m.IsIn(channel), AnswerTimeout);
        Assert.True(answer.IsIn(answerIn), $"Answered in {answer.ConversationId}, expected {answerIn}.");
        Assert.Contains(words.Commands, answer.AllText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<at>", answer.AllText, StringComparison.OrdinalIgnoreCase);

        App.AssertNoErrorsLogged();
    }

    /// <summary>
    /// README's Playground step, as a user did it: chatting as Claire Dubois (the Chair) in the Playground takes nothing
    /// of hers over. An alert sent to her afterwards reaches her own chat in the sandbox, not the Playground.
    /// </summary>
    [Fact]
    public async Task ChattingInThePlaygroundAsTheChairLeavesHerAlertsInHerOwnChat()
    {
        var chat = Playground.Config.PersonalChat.Id;
        await Playground.InstallAsync(chat);
        await Playground.NextBotMessageAsync(m => m.IsIn(chat), AnswerTimeout);
        await SendAsync(chat, "help", PlaygroundLocale, mentionBot: false);
        await Playground.BotMessagesWithinAsync(SilenceWindow, m => m.IsIn(chat));

        using var coordinator = await Web.SituationApiSeed.AsAsync(App, Web.SituationApiSeed.Oids.Coordinator);
        var people = (await coordinator.GetFromJsonAsync<JsonArray>("/api/directory/people"))!;
        var chair = people.Single(p => (string?)p!["entraObjectId"] == Web.SituationApiSeed.Oids.Chair)!;
        using (var sent = await coordinator.PostAsJsonAsync("/api/alerts", new
        {
            severity = "Info",
            category = "Information",
            message = "Test",
            people = new[] { (Guid)chair["id"]! },
        }))
        {
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        }

        using var sandbox = App.CreateHttpClient();
        var until = DateTime.UtcNow + AnswerTimeout;
        while (true)
        {
            var inbox = (await sandbox.GetFromJsonAsync<JsonObject>($"/sandbox/inbox/{Web.SituationApiSeed.Oids.Chair}"))!;
            var activities = inbox["conversation"]?["activities"]?.AsArray() ?? [];
            if (activities.Any(a => a!.ToJsonString().Contains("alert.acknowledge", StringComparison.Ordinal)))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < until, "The alert card did not reach the Chair's own chat in the sandbox.");
            await Task.Delay(200);
        }

        var inPlayground = await Playground.BotMessagesWithinAsync(SilenceWindow, m => m.IsIn(chat));
        Assert.DoesNotContain(inPlayground, m => m.AllText.Contains("alert.acknowledge", StringComparison.Ordinal));
        App.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task StaysSilentInGroupChatUnlessMentioned()
    {
        var words = Words.For("fr-BE");
        var group = Playground.Config.GroupChat.Id;

        // The Playground keeps unmentioned group messages from the bot, as Teams does; the custom route delivers one
        // anyway, so this checks the bot's own rule, not only the client's.
        await Playground.SendMessageAsync(group, words.Help);
        await Playground.SendMessageInLocaleAsync(group, words.Help, "fr-BE", mentionBot: false);
        var unasked = await Playground.BotMessagesWithinAsync(SilenceWindow, m => m.IsIn(group));
        Assert.True(unasked.Count == 0, $"The bot spoke without being mentioned:\n{string.Join('\n', unasked)}");

        // Positive control: the same chat, the same words, with a mention, gets an answer.
        await Playground.SendMessageInLocaleAsync(group, words.Help, "fr-BE", mentionBot: true);
        var answer = await Playground.NextBotMessageAsync(m => m.IsIn(group), AnswerTimeout);
        Assert.Contains(words.Commands, answer.AllText, StringComparison.OrdinalIgnoreCase);

        App.AssertNoErrorsLogged();
    }

    /// <summary>Sends as the Playground does for its own locale, else as the same activity in <paramref name="locale"/>; returns where the answer belongs.</summary>
    private async Task<string> SendAsync(string conversationId, string text, string locale, bool mentionBot)
    {
        if (locale == PlaygroundLocale)
        {
            var sent = await Playground.SendMessageAsync(conversationId, text, mentionBot);
            return sent.ConversationId;
        }

        await Playground.SendMessageInLocaleAsync(conversationId, text, locale, mentionBot);
        return conversationId;
    }

    private sealed record Words(string Help, string Commands)
    {
        public static Words For(string locale) => locale[..2] switch
        {
            "fr" => new("aide", "Commandes"),
            "en" => new("help", "Commands"),
            _ => throw new ArgumentOutOfRangeException(nameof(locale), locale, "No expected words for this language."),
        };
    }
}
