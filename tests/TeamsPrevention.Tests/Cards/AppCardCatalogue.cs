using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Secrecy;
using TeamsPrevention.App.Situations;
using TeamsPrevention.App.Tab;
using TeamsPrevention.Tests.Tab;

namespace TeamsPrevention.Tests.Cards;

/// <summary>
/// Every Adaptive Card the App builds, in every language and state, by name: add a feature's cards here and
/// <see cref="AppCardsTests"/> checks them with the official renderer. (The welcome and help are plain texts.)
/// </summary>
public static class AppCardCatalogue
{
    /// <summary>A winter and a summer instant, so both Brussels offsets are exercised.</summary>
    private static readonly DateTimeOffset[] Instants =
    [
        new(2026, 11, 29, 14, 4, 0, TimeSpan.Zero),
        new(2026, 7, 14, 8, 30, 0, TimeSpan.Zero),
    ];

    public static IReadOnlyDictionary<string, JsonNode> All()
    {
        var cards = new Dictionary<string, JsonNode>();
        foreach (var language in Enum.GetValues<UserLanguage>())
        {
            cards[$"secrecy pending ({language})"] = SecrecyCards.Pending(language, "general");
            foreach (var instant in Instants)
            {
                cards[$"secrecy acknowledged ({language}, {instant:yyyy-MM-dd})"] = SecrecyCards.Acknowledged(language, instant);
            }
        }

        AddSituationCards(cards);
        AddAlertCards(cards);
        AddMeetingCards(cards);
        return cards;
    }

    /// <summary>The links as production builds them (Teams deep links), the longest kind a card carries.</summary>
    private static readonly TabLinks Links = TestTabLinks.InTeams();

    private static void AddSituationCards(Dictionary<string, JsonNode> cards)
    {
        var summaries = Enum.GetValues<SituationStatus>()
            .Select((status, i) => new SituationSummary(
                $"K7M-4Q{(char)('A' + i)}", status, "NeedToKnow", Instants[0], Instants[0].AddDays(30), i % 2 == 0, null, false, ChannelState.None))
            .ToList();
        foreach (var language in Enum.GetValues<UserLanguage>())
        {
            cards[$"situation report form ({language})"] = SituationCards.ReportForm(language, AlertIndicator.ExampleList, example: true);
            cards[$"situation reported ({language})"] = SituationCards.Reported(language, "K7M-4QX");
            cards[$"situation list ({language})"] = SituationCards.List(language, summaries, Links);
            cards[$"situation list, empty ({language})"] = SituationCards.List(language, [], Links);
            var warning = new App.PersonalData.PersonalDataWarning(
                new Dictionary<string, IReadOnlyList<App.PersonalData.PersonalDataKind>>
                {
                    ["text"] = Enum.GetValues<App.PersonalData.PersonalDataKind>(),
                    ["indicators[0].evidence"] = [App.PersonalData.PersonalDataKind.BirthDate],
                },
                language,
                identityFields: true);
            var labels = new Dictionary<string, string> { ["text"] = "Commentaire libre", ["indicators[0].evidence"] = "Menaces" };
            cards[$"situation personal-data warning ({language})"] = SituationCards.PersonalDataWarning(language, warning, labels, new string('A', SignalDrafts.MaxTokenLength), Links);
            cards[$"situation personal-data warning, draft too large ({language})"] = SituationCards.PersonalDataWarning(language, warning, labels, null, Links);
            foreach (var summary in summaries)
            {
                cards[$"situation status {summary.Status} ({language})"] = SituationCards.Status(language, summary, Links);
            }
        }
    }

    private static void AddAlertCards(Dictionary<string, JsonNode> cards)
    {
        var alertCards = new AlertCards(Links, new WorkingCalendar(Options.Create(new AlertOptions())));
        var answers = Enum.GetValues<AlertAnswer>()
            .Select((answer, i) => new AlertCardAnswer($"Organisation {i}", answer, Instants[0].AddMinutes(i)))
            .ToList();
        foreach (var language in Enum.GetValues<UserLanguage>())
        {
            cards[$"alert compose ({language})"] = alertCards.Compose(language);
            foreach (var severity in Enum.GetValues<AlertSeverity>())
            {
                var view = new AlertCardView(
                    Guid.Parse("0b1c2d3e-0000-4000-8000-000000000001"), "AL-TEST01", "K7M-4QX", severity, AlertCategory.Signal,
                    "CPAS de Namur (fictif)", Instants[1], false, 1, []);
                cards[$"alert {severity} ({language})"] = alertCards.Build(view, language);
                cards[$"alert {severity} answered, with refresh ({language})"] =
                    alertCards.Build(view with { Answers = answers }, language, ["29:sandbox-a", "29:sandbox-b"]);
                cards[$"alert {severity} withdrawn ({language})"] = alertCards.Build(view with { Withdrawn = true, Answers = answers }, language);
                cards[$"alert {severity} escalated to the deputy ({language})"] = alertCards.Build(
                    view, language, null, new AlertEscalationNote(1, ["École fondamentale du Confluent (fictive)"], Instants[0]));
                cards[$"alert {severity} escalated to the Chair, answered ({language})"] = alertCards.Build(
                    view with { Answers = answers }, language, ["29:sandbox-a"], new AlertEscalationNote(2, ["CPAS de Namur (fictif)", "AMO Le Pavé (fictive)"], Instants[1]));
                cards[$"alert {severity} answered by 1,000 recipients ({language})"] = alertCards.Build(
                    view with
                    {
                        Answers = [.. Enumerable.Range(0, AlertCardView.MaxAnswerLines).Select(i => new AlertCardAnswer($"Organisation {i}", AlertAnswer.Acknowledged, Instants[0].AddSeconds(i)))],
                        AnswerCounts = new Dictionary<AlertAnswer, int> { [AlertAnswer.Acknowledged] = 900, [AlertAnswer.NeedMoreInformation] = 60, [AlertAnswer.NotConcerned] = 40 },
                    },
                    language,
                    [.. Enumerable.Range(0, 60).Select(i => $"29:sandbox-{i}")]);
            }
        }
    }

    private static void AddMeetingCards(Dictionary<string, JsonNode> cards)
    {
        var agenda = Links.Meeting(Guid.Parse("0b1c2d3e-0000-4000-8000-000000000002")).InTeams;
        const string join = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_example%40thread.v2/0";
        foreach (var language in Enum.GetValues<UserLanguage>())
        {
            cards[$"meeting schedule form ({language})"] = App.Meetings.MeetingCards.ScheduleForm(language, new DateOnly(2026, 12, 8));
            foreach (var kind in Enum.GetValues<App.Meetings.MeetingKind>())
            {
                foreach (var instant in Instants)
                {
                    cards[$"meeting reminder {kind} ({language}, {instant:yyyy-MM-dd})"] = App.Meetings.MeetingCards.Reminder(language, kind, instant, instant.AddHours(2), join, agenda);
                    cards[$"meeting next {kind} ({language}, {instant:yyyy-MM-dd})"] = App.Meetings.MeetingCards.Next(language, kind, instant, instant.AddHours(2), join, agenda);
                    cards[$"meeting agenda {kind} ({language}, {instant:yyyy-MM-dd})"] = App.Meetings.MeetingCards.Agenda(language, kind, instant, 3, agenda);
                }

                cards[$"meeting scheduled {kind}, not yet in Teams ({language})"] = App.Meetings.MeetingCards.Scheduled(language, kind, Instants[0], Instants[0].AddHours(2), null, agenda);
                cards[$"meeting scheduled {kind} ({language})"] = App.Meetings.MeetingCards.Scheduled(language, kind, Instants[0], Instants[0].AddHours(2), join, agenda);
            }
        }
    }
}
