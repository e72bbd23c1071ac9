using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Cards;
using static TeamsPrevention.App.Cards.AdaptiveCardElements;

namespace TeamsPrevention.App.Meetings;

/// <summary>
/// The meetings' Adaptive Cards (1.5): content-free — the kind of meeting, its time in Brussels, the Teams join link
/// and a link into the tab (which checks identity and access again). Never a situation code, a name or a decision.
/// </summary>
public static class MeetingCards
{
    public const string ScheduleVerb = "meeting.schedule";

    /// <summary>The reminder an attendee receives before an occurrence.</summary>
    public static JsonObject Reminder(UserLanguage language, MeetingKind kind, DateTimeOffset start, DateTimeOffset end, string joinUrl, string agendaUrl) =>
        Occurrence(language, MeetingTexts.For(language).ReminderTitle, kind, start, end, joinUrl, agendaUrl);

    /// <summary>The answer to <c>prochaine réunion</c> / <c>plateforme</c>.</summary>
    public static JsonObject Next(UserLanguage language, MeetingKind kind, DateTimeOffset start, DateTimeOffset end, string? joinUrl, string agendaUrl) =>
        Occurrence(language, MeetingTexts.For(language).NextTitle, kind, start, end, joinUrl, agendaUrl);

    /// <summary>The agenda card in the cell's channel: date and number of items only (channel members may not see every code).</summary>
    public static JsonObject Agenda(UserLanguage language, MeetingKind kind, DateTimeOffset start, int items, string agendaUrl)
    {
        var t = MeetingTexts.For(language);
        var facts = new JsonArray { Fact(t.When, BrusselsTime.FormatDateTime(start, language)) };
        if (kind == MeetingKind.Case)
        {
            facts.Add(Fact(t.AgendaItems, items.ToString(CultureInfo.InvariantCulture)));
        }

        return Card(
            [Title(t.AgendaTitle), Text(t.KindName(kind), bold: true), new JsonObject { ["type"] = "FactSet", ["facts"] = facts }, Text(t.AgendaNote, subtle: true, small: true)],
            [OpenUrl(t.OpenAgenda, agendaUrl)]);
    }

    /// <summary>The scheduling form a coordinator opens with <c>planifier</c> / <c>schedule</c>.</summary>
    public static JsonObject ScheduleForm(UserLanguage language, DateOnly defaultDate)
    {
        var t = MeetingTexts.For(language);
        var kinds = new JsonArray
        {
            new JsonObject { ["title"] = t.CaseName, ["value"] = nameof(MeetingKind.Case) },
            new JsonObject { ["title"] = t.PlatformName, ["value"] = nameof(MeetingKind.Platform) },
        };
        return Card(
            [
                Title(t.ScheduleTitle),
                new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = "kind", ["errorMessage"] = t.Required, ["label"] = t.KindLabel, ["isRequired"] = true, ["value"] = nameof(MeetingKind.Case), ["style"] = "expanded", ["choices"] = kinds },
                new JsonObject { ["type"] = "Input.Date", ["id"] = "date", ["errorMessage"] = t.Required, ["label"] = t.DateLabel, ["isRequired"] = true, ["value"] = defaultDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                new JsonObject { ["type"] = "Input.Time", ["id"] = "time", ["errorMessage"] = t.Required, ["label"] = t.TimeLabel, ["isRequired"] = true, ["value"] = "14:00" },
                new JsonObject { ["type"] = "Input.Number", ["id"] = "minutes", ["errorMessage"] = t.Required, ["label"] = t.DurationLabel, ["isRequired"] = true, ["min"] = 15, ["max"] = 480, ["value"] = 120 },
                Text(t.ScheduleNote, subtle: true, small: true),
            ],
            [Execute(t.ScheduleButton, ScheduleVerb, new JsonObject(), positive: true)]);
    }

    /// <summary>The scheduling form, once the meeting is stored (replaces the form).</summary>
    public static JsonObject Scheduled(UserLanguage language, MeetingKind kind, DateTimeOffset start, DateTimeOffset end, string? joinUrl, string agendaUrl) =>
        Occurrence(language, MeetingTexts.For(language).Scheduled, kind, start, end, joinUrl, agendaUrl, MeetingTexts.For(language).ScheduleNote);

    private static JsonObject Occurrence(
        UserLanguage language, string title, MeetingKind kind, DateTimeOffset start, DateTimeOffset end, string? joinUrl, string agendaUrl, string? note = null)
    {
        var t = MeetingTexts.For(language);
        var until = BrusselsTime.ToLocal(end).ToString("HH:mm", CultureInfo.InvariantCulture);
        var actions = new List<JsonNode>();
        if (joinUrl is not null)
        {
            actions.Add(OpenUrl(t.Join, joinUrl));
        }

        actions.Add(OpenUrl(t.OpenAgenda, agendaUrl));
        return Card(
            [
                Title(title),
                Text(t.KindName(kind), bold: true),
                new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray { Fact(t.When, $"{BrusselsTime.FormatDateTime(start, language)} – {until}") } },
                Text(note ?? t.ReminderNote, subtle: true, small: true),
            ],
            actions);
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject OpenUrl(string title, string url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };
}
