using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Situations;
using TeamsPrevention.Tests.Bot;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Tab;

namespace TeamsPrevention.Tests.Situations;

public sealed class SituationBotTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Situations:IdentityKey"] = SituationsHarness.TestKey,
        ["Situations:WorkerEnabled"] = "false",
        ["App:PublicBaseUrl"] = "https://prevention.example/",
        ["Tab:TeamsAppId"] = TestTabLinks.TeamsAppId,
    };

    [Fact]
    public async Task AnswersTheReportFormCardWithAnExecuteActionAndNothingIdentifying()
    {
        await using var bot = await BotHarness.StartAsync(Settings);

        using var response = await bot.PostAsync(Message(bot, DemoPeople.Referent, "signaler"), bot.BotToken());

        Assert.True(response.IsSuccessStatusCode);
        var reply = await LastReplyAsync(bot);
        var card = reply["attachments"]![0]!["content"]!.AsObject();
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var action = card["actions"]![0]!;
        Assert.Equal(("Action.Execute", SituationCards.ReportVerb), (action["type"]!.GetValue<string>(), action["verb"]!.GetValue<string>()));
        Assert.Contains(card["body"]!.AsArray(), b => b!["id"]?.GetValue<string>() == "ind_threats");
        Assert.DoesNotContain("Sophie", reply.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsTheSignalFromTheCardAndAnswersOnlyTheCode()
    {
        await using var bot = await BotHarness.StartAsync(Settings);
        var invoke = Invoke(bot, DemoPeople.Referent, new JsonObject
        {
            ["ind_threats"] = "true",
            ["ev_threats"] = "Menace entendue à la sortie des cours",
            ["ind_propaganda"] = "false",
            ["text"] = "Signalement par le bot",
        });

        using var response = await bot.PostAsync(invoke, bot.BotToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        var situation = await bot.WithServiceAsync<App.Data.AppDbContext, Situation>(db =>
            db.Set<Situation>().Include(s => s.Indicators).AsNoTracking().SingleAsync());
        Assert.Contains(situation.Code, body["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Menace", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("threats", Assert.Single(situation.Indicators).IndicatorKey);
        Assert.Equal("Signalement par le bot", situation.SignalText);
    }

    [Fact]
    public async Task AnswersAStatusCardLinkingIntoTheTabOnlyToSomeoneOnTheList()
    {
        await using var bot = await BotHarness.StartAsync(Settings);
        using var created = await bot.PostAsync(Invoke(bot, DemoPeople.Referent, new JsonObject { ["text"] = "x" }), bot.BotToken());
        var code = await bot.WithServiceAsync<App.Data.AppDbContext, string>(db => db.Set<Situation>().Select(s => s.Code).SingleAsync());

        using var mine = await bot.PostAsync(Message(bot, DemoPeople.Referent, $"situation {code.ToLowerInvariant()}"), bot.BotToken());
        var card = (await LastReplyAsync(bot))["attachments"]![0]!["content"]!.ToJsonString();
        using var theirs = await bot.PostAsync(Message(bot, DemoPeople.Partner, $"situation {code}"), bot.BotToken());
        var refusal = await LastReplyAsync(bot);
        using var list = await bot.PostAsync(Message(bot, DemoPeople.Referent, "mes situations"), bot.BotToken());
        var listCard = (await LastReplyAsync(bot))["attachments"]![0]!["content"]!.ToJsonString();

        Assert.Contains(TestTabLinks.DeepLink($"situations/{code}"), card, StringComparison.Ordinal);
        Assert.DoesNotContain(code, refusal.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Situation not found.", refusal["text"]!.GetValue<string>());
        Assert.Contains(code, listCard, StringComparison.Ordinal);
    }

    private static JsonObject Message(BotHarness bot, string oid, string text)
    {
        var activity = bot.LoadActivity("message-personal", text: text);
        activity["from"]!["aadObjectId"] = oid;
        activity["id"] = Guid.NewGuid().ToString("N");
        return activity;
    }

    private static JsonObject Invoke(BotHarness bot, string oid, JsonObject data)
    {
        var activity = bot.LoadActivity("invoke-adaptive-card-action");
        activity["from"]!["aadObjectId"] = oid;
        activity["value"]!["action"]!["verb"] = SituationCards.ReportVerb;
        activity["value"]!["action"]!["data"] = data;
        return activity;
    }

    private static async Task<JsonObject> LastReplyAsync(BotHarness bot)
    {
        for (var i = 0; i < 50 && !bot.Connector.Requests.Any(r => r.Method == "POST"); i++)
        {
            await Task.Delay(100);
        }

        return bot.Connector.Requests.Last(r => r.Method == "POST").Json!.AsObject();
    }
}
