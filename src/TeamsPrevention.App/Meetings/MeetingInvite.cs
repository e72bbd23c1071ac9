using System.Net;
using TeamsPrevention.App.Graph;

namespace TeamsPrevention.App.Meetings;

/// <summary>
/// What Outlook and Teams show of a meeting: a fixed French subject and a body with no situation code and nothing
/// identifying a person — the agenda stays in TeamsPrevention, behind a link that checks identity and access again.
/// </summary>
public static class MeetingInvite
{
    public const string PlatformSubject = "Plateforme communale de prévention";
    public const string CaseSubject = "Réunion de concertation de cas — CSIL-R";

    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <param name="agendaLink">The meeting's page in the tab, as read outside Teams (<c>TabLinks.Meeting(id).Outside</c>).</param>
    public static CalendarMeetingRequest Build(Meeting meeting, IReadOnlyList<string> attendeeAddresses, string agendaLink)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var link = WebUtility.HtmlEncode(agendaLink);
        var body =
            $"<p>Ordre du jour dans TeamsPrevention : <a href=\"{link}\">{link}</a></p>"
            + "<p>Réunion confidentielle, soumise au secret professionnel partagé (art. 458ter du Code pénal). "
            + "Ni enregistrement ni transcription ; les personnes non invitées attendent dans la salle d'attente.</p>";
        MeetingRecurrence? recurrence = null;
        if (meeting.Kind == MeetingKind.Platform && meeting.Occurrences is { } occurrences)
        {
            var local = TimeZoneInfo.ConvertTime(meeting.StartAt, Brussels);
            var week = (local.Day - 1) / 7 + 1;
            recurrence = new MeetingRecurrence(
                RecurrenceFrequency.MonthlyOnWeekday, 1, DateOnly.FromDateTime(local.DateTime), [local.DayOfWeek],
                WeekOfMonth: week >= 5 ? 5 : week, Occurrences: occurrences);
        }

        return new CalendarMeetingRequest(
            meeting.Kind == MeetingKind.Platform ? PlatformSubject : CaseSubject,
            body,
            meeting.StartAt,
            meeting.EndAt,
            attendeeAddresses,
            recurrence);
    }
}
