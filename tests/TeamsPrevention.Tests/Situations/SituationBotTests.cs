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
    public async Task AnswersACardTextThatLooksPersonalWithTheWarningAndSavesItOnlyOnConfirmation()
    {
        await using var bot = await BotHarness.StartAsync(Settings);
        var typed = new JsonObject
        {
            ["ind_threats"] = "true",
            ["ev_threats"] = "Menace rapportée par Mme Testfictif",
            ["text"] = "Le jeune Zébulon Testfictif, né le 14/03/2009.",
        };

        using var warned = await bot.PostAsync(Invoke(bot, DemoPeople.Referent, typed, locale: "fr-BE"), bot.BotToken());
        var warning = JsonNode.Parse(await warned.Content.ReadAsStringAsync())!;
        var storedAfterWarning = await CountAsync(bot);
        var card = warning["value"]!;
        var confirm = card["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == SituationCards.ReportVerb)!;
        var correct = card["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == SituationCards.ReportFormVerb)!;
        using var byAnother = await bot.PostAsync(Invoke(bot, DemoPeople.Chair, confirm["data"]!.DeepClone().AsObject()), bot.BotToken());
        var refusal = JsonNode.Parse(await byAnother.Content.ReadAsStringAsync())!;
        var storedAfterAnother = await CountAsync(bot);
        using var corrected = await bot.PostAsync(Invoke(bot, DemoPeople.Referent, correct["data"]!.DeepClone().AsObject(), SituationCards.ReportFormVerb, "fr-BE"), bot.BotToken());
        var form = JsonNode.Parse(await corrected.Content.ReadAsStringAsync())!["value"]!;
        using var confirmed = await bot.PostAsync(Invoke(bot, DemoPeople.Referent, confirm["data"]!.DeepClone().AsObject()), bot.BotToken());
        var recorded = JsonNode.Parse(await confirmed.Content.ReadAsStringAsync())!;

        Assert.Equal("application/vnd.microsoft.card.adaptive", warning["type"]!.GetValue<string>());
        var shown = card.ToJsonString(Readable);
        Assert.Contains("Le texte semble contenir des données personnelles.", shown, StringComparison.Ordinal);
        Assert.Contains("Commentaire libre — Semble contenir : un nom, une date de naissance.", shown, StringComparison.Ordinal);
        Assert.Contains("Les données d'identité ont leur place dans les champs protégés.", shown, StringComparison.Ordinal);
        foreach (var secret in new[] { "Testfictif", "Zébulon", "14/03/2009", "Menace rapportée" })
        {
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        }

        Assert.Equal("Enregistrer quand même", confirm["title"]!.GetValue<string>());
        Assert.Equal("Corriger", correct["title"]!.GetValue<string>());
        Assert.Equal((0, 0), (storedAfterWarning, storedAfterAnother));
        Assert.Equal("application/vnd.microsoft.error", refusal["type"]!.GetValue<string>());
        Assert.Contains(form["body"]!.AsArray(), b => b!["id"]?.GetValue<string>() == "ev_threats");
        Assert.DoesNotContain("Testfictif", form.ToJsonString(Readable), StringComparison.Ordinal);
        var situation = await bot.WithServiceAsync<App.Data.AppDbContext, Situation>(db =>
            db.Set<Situation>().Include(s => s.Indicators).AsNoTracking().SingleAsync());
        Assert.Contains(situation.Code, recorded["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Le jeune Zébulon Testfictif, né le 14/03/2009.", situation.SignalText);
        Assert.Equal(("threats", "Menace rapportée par Mme Testfictif"), (Assert.Single(situation.Indicators).IndicatorKey, situation.Indicators.Single().Evidence));
    }

    [Fact]
    public async Task RefusesAWarningCardsDraftThatWasAltered()
    {
        await using var bot = await BotHarness.StartAsync(Settings);
        using var warned = await bot.PostAsync(Invoke(bot, DemoPeople.Referent, new JsonObject { ["text"] = "Vu avec M. Testfictif." }), bot.BotToken());
        var data = JsonNode.Parse(await warned.Content.ReadAsStringAsync())!["value"]!["actions"]![0]!["data"]!.DeepClone().AsObject();
        var draft = data["draft"]!.GetValue<string>();
        data["draft"] = draft[..^4] + (draft[^4] == 'A' ? "B" : "A") + draft[^3..];

        using var altered = await bot.PostAsync(Invoke(bot, DemoPeople.Referent, data), bot.BotToken());

        var body = JsonNode.Parse(await altered.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal(0, await CountAsync(bot));
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

    /// <summary>JSON as a person reads it (accents not escaped), so that looking for a text in it means something.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Task<int> CountAsync(BotHarness bot) =>
        bot.WithServiceAsync<App.Data.AppDbContext, int>(db => db.Set<Situation>().CountAsync());

    private static JsonObject Invoke(BotHarness bot, string oid, JsonObject data, string verb = SituationCards.ReportVerb, string? locale = null)
    {
        var activity = bot.LoadActivity("invoke-adaptive-card-action", locale);
        activity["from"]!["aadObjectId"] = oid;
        activity["value"]!["action"]!["verb"] = verb;
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
