using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Cards;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Tab;

namespace TeamsPrevention.Tests.Alerts;

public sealed class AlertCardsTests
{
    private static readonly Guid AlertId = Guid.Parse("0193f0a0-0000-7000-8000-000000000001");

    public static TheoryData<UserLanguage, AlertSeverity> Languages()
    {
        var data = new TheoryData<UserLanguage, AlertSeverity>();
        foreach (var language in AlertTexts.All)
        {
            foreach (var severity in Enum.GetValues<AlertSeverity>())
            {
                data.Add(language, severity);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void BuildsVersion15CardUnder28KbWithAlertVerbs(UserLanguage language, AlertSeverity severity)
    {
        var card = Cards().Build(View(severity, answers: ManyAnswers(40)), language, [.. Enumerable.Range(0, 60).Select(i => $"29:user-{i}")]);

        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) < AlertCards.MaxCardBytes);
        var verbs = card["actions"]!.AsArray().Where(a => a!["type"]!.GetValue<string>() == "Action.Execute").Select(a => a!["verb"]!.GetValue<string>()).ToList();
        Assert.Equal([AlertCards.AcknowledgeVerb, AlertCards.NeedMoreInformationVerb, AlertCards.NotConcernedVerb], verbs);
        Assert.All(verbs, v => Assert.StartsWith("alert.", v, StringComparison.Ordinal));
        Assert.Equal(AlertCards.RefreshVerb, card["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal(60, card["refresh"]!["userIds"]!.AsArray().Count);
        Assert.All(Elements(card), e => Assert.False(string.IsNullOrWhiteSpace(e["text"]?.GetValue<string>() ?? "x")));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void ShowsNoPersonAndLinksIntoTheTab(UserLanguage language, AlertSeverity severity)
    {
        var json = Cards().Build(View(severity, answers: ManyAnswers(3)), language).ToJsonString();

        foreach (var persona in DemoTenant.Personas)
        {
            Assert.DoesNotContain(persona.DisplayName, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(persona.ObjectId, json, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(TestTabLinks.DeepLink($"alerts/{AlertId:D}"), json, StringComparison.Ordinal);
        Assert.Contains("K7M-4QX", json, StringComparison.Ordinal);
        Assert.Contains("AL-TEST01", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UserLanguage.Fr, "Cet outil n'est pas un canal d'urgence : appelez le 101 ou le 112.")]
    [InlineData(UserLanguage.Nl, "Dit hulpmiddel is geen noodkanaal: bel 101 of 112.")]
    [InlineData(UserLanguage.De, "Dieses Werkzeug ist kein Notrufkanal: Rufen Sie 101 oder 112 an.")]
    [InlineData(UserLanguage.En, "This tool is not an emergency channel: call 101 or 112.")]
    public void WarnsUrgentCardsAreNoEmergencyChannel(UserLanguage language, string warning)
    {
        Assert.Contains(warning, Json(Cards().Build(View(AlertSeverity.Urgent), language)), StringComparison.Ordinal);
        Assert.DoesNotContain("112", Cards().Build(View(AlertSeverity.Elevated), language).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsDeadlineInBrusselsTimeInFrench()
    {
        // 2026-03-30 07:15 UTC = lundi 30 mars 2026 09:15 (summer time).
        var card = Cards().Build(View(AlertSeverity.Urgent) with { Deadline = new DateTimeOffset(2026, 3, 30, 7, 15, 0, TimeSpan.Zero) }, UserLanguage.Fr);

        Assert.Contains("lundi 30 mars 2026 09:15", Json(card), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void KeepsTheCardOfAThousandAnswersSmallWithTheirCountsAndTheLatestLines(UserLanguage language, AlertSeverity severity)
    {
        var answers = ManyAnswers(1000);
        var view = View(severity, answers: answers[^AlertCardView.MaxAnswerLines..]) with
        {
            AnswerCounts = new Dictionary<AlertAnswer, int> { [AlertAnswer.Acknowledged] = 990, [AlertAnswer.NotConcerned] = 10 },
        };

        var card = Cards().Build(view, language, [.. Enumerable.Range(0, 60).Select(i => $"29:user-{i}")]);
        var json = Json(card);

        Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString()) < AlertCards.MaxCardBytes);
        var texts = AlertTexts.For(language);
        var lines = Elements(card).Select(e => e["text"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Equal(AlertCardView.MaxAnswerLines, lines.Count(l => l.StartsWith("Organisation ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("1000 ", StringComparison.Ordinal) && l.Contains(texts.Answers[AlertAnswer.NotConcerned], StringComparison.Ordinal) && l.Contains("990", StringComparison.Ordinal));
        Assert.Contains("Organisation 999", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Organisation 959", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsEveryAnswerWithoutASummaryWhileTheyAllFit()
    {
        var card = Cards().Build(View(AlertSeverity.Info, answers: ManyAnswers(AlertCardView.MaxAnswerLines)), UserLanguage.Fr);

        var lines = Elements(card).Select(e => e["text"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Equal(AlertCardView.MaxAnswerLines, lines.Count(l => l.StartsWith("Organisation ", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("plus récentes", StringComparison.Ordinal));
    }

    [Fact]
    public void ShowsAnswersAndWithdrawalWithoutButtons()
    {
        var view = View(AlertSeverity.Info, answers: ManyAnswers(1)) with { Withdrawn = true };
        var card = Cards().Build(view, UserLanguage.Fr);
        var json = Json(card);

        Assert.Contains("Cette alerte a été retirée.", json, StringComparison.Ordinal);
        Assert.Contains("Organisation 0 : réception accusée", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Action.Execute", card["actions"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(card["refresh"]);
    }

    [Theory]
    [InlineData(UserLanguage.Fr, "Accuser réception", "Ouvrir dans TeamsPrevention", "Besoin d'informations", "Non concerné")]
    [InlineData(UserLanguage.Nl, "Ontvangst bevestigen", "Openen in TeamsPrevention", "Meer informatie nodig", "Niet betrokken")]
    [InlineData(UserLanguage.De, "Empfang bestätigen", "In TeamsPrevention öffnen", "Weitere Informationen nötig", "Nicht betroffen")]
    [InlineData(UserLanguage.En, "Acknowledge", "Open in TeamsPrevention", "Need more information", "Not concerned")]
    public void ShowsTwoButtonsAndPutsTheOtherAnswersInTeamsOverflowMenu(UserLanguage language, string acknowledge, string open, string moreInformation, string notConcerned)
    {
        var actions = Cards().Build(View(AlertSeverity.Elevated), language)["actions"]!.AsArray().OfType<JsonObject>().ToList();

        Assert.Equal([acknowledge, open], actions.Where(a => a["mode"] is null).Select(a => (string?)a["title"]));
        Assert.Equal([moreInformation, notConcerned], actions.Where(a => (string?)a["mode"] == "secondary").Select(a => (string?)a["title"]));
    }

    [Fact]
    public void KeepsNotificationPreviewFreeOfContent()
    {
        foreach (var language in AlertTexts.All)
        {
            foreach (var preview in new[] { AlertTexts.For(language).Preview, AlertTexts.For(language).EscalationPreview })
            {
                Assert.DoesNotContain("K7M", preview, StringComparison.Ordinal);
                Assert.All(DemoTenant.Personas, p => Assert.DoesNotContain(p.DisplayName, preview, StringComparison.Ordinal));
            }
        }

        Assert.Equal("Nouvelle alerte — ouvrez TeamsPrevention", AlertTexts.For(UserLanguage.Fr).Preview);
    }

    internal static AlertCards Cards() =>
        new(TestTabLinks.InTeams(), new WorkingCalendar(Options.Create(new AlertOptions())));

    private static AlertCardView View(AlertSeverity severity, IReadOnlyList<AlertCardAnswer>? answers = null) => new(
        AlertId, "AL-TEST01", "K7M-4QX", severity, AlertCategory.Signal, "CPAS de Namur (fictif)",
        new DateTimeOffset(2026, 3, 9, 16, 0, 0, TimeSpan.Zero), false, 1, answers ?? []);

    private static List<AlertCardAnswer> ManyAnswers(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new AlertCardAnswer($"Organisation {i}", AlertAnswer.Acknowledged, new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero).AddSeconds(i)))];

    internal static string Json(JsonNode card) =>
        card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static IEnumerable<JsonObject> Elements(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>() == "TextBlock");
}
