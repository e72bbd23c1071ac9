using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Tab;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Builds the alert's Adaptive Card (1.5, Universal Actions) in one recipient's language. The card shows codes,
/// categories, organisations and times only, and links into the tab where identity and access are checked again.
/// </summary>
public sealed class AlertCards(TabLinks links, WorkingCalendar calendar)
{
    public const string VerbPrefix = "alert.";
    public const string AcknowledgeVerb = "alert.acknowledge";
    public const string NeedMoreInformationVerb = "alert.needinfo";
    public const string NotConcernedVerb = "alert.notconcerned";
    public const string RefreshVerb = "alert.refresh";

    /// <summary>Teams and Outlook limit a post to about 28 KB.</summary>
    public const int MaxCardBytes = 28 * 1024;

    public static string? VerbFor(AlertAnswer answer) => answer switch
    {
        AlertAnswer.Acknowledged => AcknowledgeVerb,
        AlertAnswer.NeedMoreInformation => NeedMoreInformationVerb,
        AlertAnswer.NotConcerned => NotConcernedVerb,
        _ => null,
    };

    public static AlertAnswer? AnswerFor(string verb) => verb switch
    {
        AcknowledgeVerb => AlertAnswer.Acknowledged,
        NeedMoreInformationVerb => AlertAnswer.NeedMoreInformation,
        NotConcernedVerb => AlertAnswer.NotConcerned,
        _ => null,
    };

    private readonly ConditionalWeakTable<AlertCardView, ConcurrentDictionary<UserLanguage, JsonObject>> _sharedCards = [];

    /// <summary>
    /// The card without a refresh list, built once per view and language: the one that answers a button press (the
    /// answer writer hands one view to every answer of its batch, so 100 people pressing at once share a few cards
    /// instead of building 100), and the one the worker puts in place of every sent card of an alert beyond the refresh
    /// limit. The card is shared: it is written as it is (an invoke response, an activity's attachment) and never changed.
    /// </summary>
    public JsonObject SharedCard(AlertCardView view, UserLanguage language) =>
        _sharedCards.GetValue(view, _ => new()).GetOrAdd(language, l => Build(view, l));

    /// <summary>
    /// The card for <paramref name="view"/> in <paramref name="language"/>. <paramref name="refreshUserIds"/> (Teams user
    /// ids, at most 60) makes Teams fetch the current card for those people when they look at it. With
    /// <paramref name="escalation"/>, the card of an escalation's target: it says so, to whom the alert went first and
    /// since when it waits (Brussels time).
    /// </summary>
    public JsonObject Build(AlertCardView view, UserLanguage language, IReadOnlyList<string>? refreshUserIds = null, AlertEscalationNote? escalation = null)
    {
        var texts = AlertTexts.For(language);
        var culture = CultureInfo.GetCultureInfo(texts.Culture);
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = $"{texts.Title} — {texts.Severities[view.Severity]}",
                ["weight"] = "Bolder",
                ["size"] = "Medium",
                ["wrap"] = true,
                ["color"] = view.Severity == AlertSeverity.Urgent ? "Attention" : "Default",
            },
        };

        if (view.Severity == AlertSeverity.Urgent)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = texts.UrgentWarning, ["wrap"] = true, ["color"] = "Attention", ["weight"] = "Bolder" });
        }

        if (escalation is not null)
        {
            body.Add(Escalation(escalation, texts, culture));
        }

        var facts = new JsonArray { Fact(texts.Reference, view.Reference) };
        if (!string.IsNullOrEmpty(view.SituationCode))
        {
            facts.Add(Fact(texts.SituationCode, view.SituationCode));
        }

        facts.Add(Fact(texts.Severity, texts.Severities[view.Severity]));
        facts.Add(Fact(texts.Category, texts.Categories[view.Category]));
        facts.Add(Fact(texts.Sender, view.SenderOrganisation));
        facts.Add(Fact(texts.Deadline, FormatTime(view.Deadline, culture)));
        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });

        if (view.Withdrawn)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = texts.Withdrawn, ["wrap"] = true, ["weight"] = "Bolder", ["color"] = "Warning" });
        }

        if (view.Answers.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = texts.AnswersTitle, ["weight"] = "Bolder", ["wrap"] = true, ["separator"] = true });
            var shown = view.Answers.OrderBy(a => a.At).TakeLast(AlertCardView.MaxAnswerLines).ToList();
            var counts = view.AnswerCounts.Count > 0 ? view.AnswerCounts : view.Answers.GroupBy(a => a.Answer).ToDictionary(g => g.Key, g => g.Count());
            var total = counts.Values.Sum();
            if (total > shown.Count)
            {
                // More answers than the card lists: how many of each, then the latest (all of them are in the tab).
                var byKind = string.Join(", ", Enum.GetValues<AlertAnswer>().Where(a => counts.GetValueOrDefault(a) > 0)
                    .Select(a => string.Format(culture, texts.AnswerCount, texts.Answers[a], counts[a])));
                body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = string.Format(culture, texts.AnswersSummary, total, byKind, shown.Count), ["wrap"] = true });
            }

            foreach (var answer in shown)
            {
                body.Add(new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = string.Format(culture, texts.AnswerLine, answer.Organisation, texts.Answers[answer.Answer], FormatTime(answer.At, culture)),
                    ["wrap"] = true,
                    ["spacing"] = "Small",
                });
            }
        }

        var actions = new JsonArray();
        if (!view.Withdrawn)
        {
            // Two buttons fit a narrow card (a chat on a phone, Teams' side panel) without cutting a title: the
            // acknowledgement and the link stay visible, the other answers go in Teams' own "…" overflow menu.
            actions.Add(Execute(AcknowledgeVerb, texts.Acknowledge, view, AlertAnswer.Acknowledged, "positive"));
            actions.Add(Execute(NeedMoreInformationVerb, texts.NeedMoreInformation, view, AlertAnswer.NeedMoreInformation, "default", secondary: true));
            actions.Add(Execute(NotConcernedVerb, texts.NotConcerned, view, AlertAnswer.NotConcerned, "default", secondary: true));
        }

        actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = texts.Open, ["url"] = links.Alert(view.AlertId).InTeams });

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["lang"] = texts.Culture[..2],
            ["body"] = body,
            ["actions"] = actions,
        };

        if (refreshUserIds is { Count: > 0 })
        {
            card["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = RefreshVerb,
                    ["data"] = new JsonObject { ["alertId"] = view.AlertId.ToString("D") },
                },
                ["userIds"] = new JsonArray([.. refreshUserIds.Take(60).Select(id => (JsonNode)JsonValue.Create(id)!)]),
            };
        }

        return card;
    }

    /// <summary>The card that invites an allowed sender to write an alert in the tab (the message never goes through Teams).</summary>
    public JsonObject Compose(UserLanguage language)
    {
        var texts = AlertTexts.For(language);
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray
            {
                new JsonObject { ["type"] = "TextBlock", ["text"] = texts.ComposeTitle, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = texts.ComposeHint, ["wrap"] = true },
            },
            ["actions"] = new JsonArray
            {
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = texts.ComposeOpen, ["url"] = links.NewAlert().InTeams },
            },
        };
    }

    private string FormatTime(DateTimeOffset utc, CultureInfo culture) =>
        calendar.ToLocal(utc).ToString("dddd d MMMM yyyy HH:mm", culture);

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private JsonObject Escalation(AlertEscalationNote escalation, AlertTexts texts, CultureInfo culture) => new()
    {
        ["type"] = "Container",
        ["style"] = "warning",
        ["items"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = escalation.Level >= 2 ? texts.EscalationToChair : texts.EscalationToDeputy,
                ["weight"] = "Bolder",
                ["wrap"] = true,
            },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    Fact(texts.FirstAddressedTo, escalation.FirstAddressedTo.Count > 0 ? string.Join(", ", escalation.FirstAddressedTo) : "—"),
                    Fact(texts.WaitingSince, FormatTime(escalation.WaitingSince, culture)),
                },
            },
        },
    };

    private static JsonObject Execute(string verb, string title, AlertCardView view, AlertAnswer answer, string style, bool secondary = false)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["verb"] = verb,
            ["title"] = title,
            ["style"] = style,
            ["data"] = new JsonObject { ["alertId"] = view.AlertId.ToString("D"), ["answer"] = answer.ToString() },
        };
        if (secondary)
        {
            action["mode"] = "secondary";
        }

        return action;
    }
}
