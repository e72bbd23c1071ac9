using System.Globalization;
using System.Text.Json;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Tab;

namespace TeamsPrevention.App.Meetings;

/// <summary>
/// <c>meeting.schedule</c> from the scheduling card: stores the meeting (the coordinator as its only attendee; the
/// others and the agenda are added in the tab), sends it to Outlook and Teams, and replaces the form with the result.
/// </summary>
internal sealed class MeetingCardActionHandler(DirectoryService directory, MeetingService meetings, AuditLog audit, TabLinks links) : ICardActionHandler
{
    public static string VerbPrefix => "meeting.";

    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var texts = MeetingTexts.For(turn.Language);
        if (action.Verb != MeetingCards.ScheduleVerb)
        {
            return CardActionResult.Error(400, turn.Texts.UnknownAction);
        }

        var person = Guid.TryParse(turn.PersonAadObjectId, out var oid) ? await directory.FindByEntraObjectIdAsync(oid, cancellationToken) : null;
        if (person is not { Active: true })
        {
            await audit.RecordAsync(
                new AuditRecord(oid != Guid.Empty ? oid.ToString() : "unknown", null, AuditAction.Denied, TargetType: "Meeting",
                    Purpose: "meeting schedule refused: not in the directory", Outcome: AuditOutcome.Denied),
                cancellationToken);
            return CardActionResult.Error(403, texts.CoordinationOnly);
        }

        var kind = Enum.TryParse<MeetingKind>(Read(action.Data, "kind"), ignoreCase: true, out var k) ? k : (MeetingKind?)null;
        DateTimeOffset? start = null;
        if (DateOnly.TryParseExact(Read(action.Data, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && TimeOnly.TryParseExact(Read(action.Data, "time"), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            var local = date.ToDateTime(at, DateTimeKind.Unspecified);
            start = new DateTimeOffset(local, BrusselsTime.Zone.GetUtcOffset(local));
        }

        var minutes = int.TryParse(Read(action.Data, "minutes"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) ? m : 120;
        try
        {
            var created = await meetings.ScheduleAsync(person, new MeetingInput(kind, start, start?.AddMinutes(minutes), [], null), cancellationToken);
            return CardActionResult.WithCard(MeetingCards.Scheduled(
                turn.Language, created.Kind, created.StartAt, created.EndAt, created.JoinUrl, links.Meeting(created.Id).InTeams));
        }
        catch (MeetingProblem problem)
        {
            var detail = problem.Errors?.Values.SelectMany(v => v).FirstOrDefault();
            return CardActionResult.Error(problem.Status, detail ?? problem.Title);
        }
    }

    /// <summary>Teams sends inputs as strings; a number input may come as a number.</summary>
    private static string? Read(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
