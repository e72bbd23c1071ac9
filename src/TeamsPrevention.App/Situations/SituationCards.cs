using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Tab;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// The situation cards (Adaptive Cards 1.5, built as JSON). They carry codes, states and dates only: never a name,
/// a text of the case or anything identifying the person, in the body or the title.
/// </summary>
internal static class SituationCards
{
    public const string ReportVerb = "situation.report";

    /// <summary>"Corriger" on a personal-data warning: the blank form again (the text typed is never put back on a card).</summary>
    public const string ReportFormVerb = "situation.form";
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>The signal form: a toggle and an evidence box per indicator of the checklist, a free comment.</summary>
    public static JsonObject ReportForm(UserLanguage language, IReadOnlyList<AlertIndicator> indicators, bool example)
    {
        var t = SituationTexts.For(language);
        var tag = SituationTexts.Tag(language);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = t.ReportTitle, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = t.ReportIntro, ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = t.ReportIndicators, ["weight"] = "Bolder", ["wrap"] = true },
        };
        if (example)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = t.ReportExampleList, ["isSubtle"] = true, ["size"] = "Small", ["wrap"] = true });
        }

        foreach (var indicator in indicators)
        {
            body.Add(new JsonObject { ["type"] = "Input.Toggle", ["id"] = "ind_" + indicator.Key, ["title"] = indicator.Label(tag), ["valueOn"] = "true", ["valueOff"] = "false" });
            body.Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "ev_" + indicator.Key, ["placeholder"] = t.ReportEvidence, ["isMultiline"] = true, ["maxLength"] = Situation.MaxTextLength });
        }

        body.Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "text", ["label"] = t.ReportText, ["isMultiline"] = true, ["maxLength"] = Situation.MaxTextLength });
        return Card(body, new JsonArray
        {
            new JsonObject { ["type"] = "Action.Execute", ["title"] = t.ReportSubmit, ["verb"] = ReportVerb, ["data"] = new JsonObject() },
        });
    }

    /// <summary>
    /// The signal held back by a personal-data warning: which fields look personal and why (kinds only, never the
    /// text), the pointer to the tab's protected identity fields, "save anyway" carrying the sealed draft (omitted when
    /// the draft is too large for a card) and "correct" (the blank form).
    /// </summary>
    public static JsonObject PersonalDataWarning(
        UserLanguage language, PersonalData.PersonalDataWarning warning, IReadOnlyDictionary<string, string> fieldLabels, string? sealedDraft, TabLinks links)
    {
        var t = PersonalData.PersonalDataTexts.For(language);
        var body = new JsonArray { Text(t.Title, bold: true), Text(t.Detail) };
        foreach (var (field, kinds) in warning.Fields)
        {
            body.Add(Text($"{fieldLabels.GetValueOrDefault(field, field)} — {t.Field(kinds)}"));
        }

        body.Add(Text(t.IdentityFields));
        var actions = new JsonArray();
        if (sealedDraft is not null)
        {
            actions.Add(new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = t.Confirm,
                ["verb"] = ReportVerb,
                ["data"] = new JsonObject { ["draft"] = sealedDraft, [PersonalData.PersonalDataWarning.ConfirmedMember] = "true" },
            });
        }

        actions.Add(new JsonObject { ["type"] = "Action.Execute", ["title"] = t.Correct, ["verb"] = ReportFormVerb, ["data"] = new JsonObject() });
        actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = t.OpenTab, ["url"] = links.Situations().InTeams });
        return Card(body, actions);
    }

    public static JsonObject Reported(UserLanguage language, string code) =>
        Card(new JsonArray { Text(string.Format(CultureInfo.InvariantCulture, SituationTexts.For(language).Reported, code), bold: true) }, null);

    public static JsonObject Status(UserLanguage language, SituationSummary summary, TabLinks links)
    {
        var t = SituationTexts.For(language);
        var facts = new JsonArray { Fact(t.CodeLabel, summary.Code), Fact(t.StateLabel, SituationTexts.Status(summary.Status, language)) };
        if (summary.NextReviewAt is { } next)
        {
            facts.Add(Fact(t.NextReview, Day(next) + (summary.ReviewOverdue ? $" ({t.Overdue})" : "")));
        }

        return Card(
            new JsonArray
            {
                Text(string.Format(CultureInfo.InvariantCulture, t.StatusTitle, summary.Code), bold: true),
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            },
            new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = t.Open, ["url"] = links.Situation(summary.Code).InTeams } });
    }

    public static JsonObject List(UserLanguage language, IReadOnlyList<SituationSummary> situations, TabLinks links)
    {
        var t = SituationTexts.For(language);
        var body = new JsonArray { Text(t.ListTitle, bold: true) };
        if (situations.Count == 0)
        {
            body.Add(Text(t.ListEmpty));
        }

        foreach (var s in situations)
        {
            var review = s.NextReviewAt is { } next ? $" · {t.NextReview} {Day(next)}" + (s.ReviewOverdue ? $" **({t.Overdue})**" : "") : "";
            body.Add(Text($"[{s.Code}]({links.Situation(s.Code).InTeams}) · {SituationTexts.Status(s.Status, language)}{review}"));
        }

        return Card(body, null);
    }

    private static string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Brussels).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject Text(string text, bool bold = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (bold)
        {
            block["weight"] = "Bolder";
        }

        return block;
    }

    private static JsonObject Card(JsonArray body, JsonArray? actions)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (actions is not null)
        {
            card["actions"] = actions;
        }

        return card;
    }
}
