using System.Globalization;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace TeamsPrevention.App.Graph;

/// <summary>
/// Calendar events with a Teams meeting (they appear in the attendees' Outlook), in the group's or a person's
/// calendar; and the signed-in person's own busy times (on-behalf-of).
/// </summary>
public sealed class GraphCalendar(GraphConnection graph)
{
    private readonly GraphConnection _graph = graph;

    // ---------------------------------------------------------------- as the signed-in person (on-behalf-of)

    /// <summary>
    /// When the signed-in person's own calendar is taken between <paramref name="from"/> and <paramref name="to"/>
    /// (<c>/me/calendarView</c>, recurring meetings expanded), read as that person with an on-behalf-of token from the
    /// token they sent to the App. Only times and free/busy status are asked for — never subjects or attendees.
    /// </summary>
    public Task<IReadOnlyList<BusyTime>> GetMyBusyTimesAsync(string userAssertion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        _graph.CallAsync<IReadOnlyList<BusyTime>>("read my calendar", async () =>
        {
            var auth = new BaseBearerTokenAuthenticationProvider(new DelegatedAccessTokenProvider(_graph.Tokens, userAssertion, _graph.DelegatedScope, _graph.GraphBase));
            var client = new GraphServiceClient(_graph.Http, auth, _graph.BaseUrl);
            var page = await client.Me.CalendarView.GetAsync(r =>
            {
                r.QueryParameters.StartDateTime = from.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                r.QueryParameters.EndDateTime = to.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                r.QueryParameters.Select = ["start", "end", "showAs", "isCancelled"];
                r.QueryParameters.Top = 500;
                r.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
            }, cancellationToken);
            return [.. (page?.Value ?? [])
                .Where(e => e.IsCancelled != true && e.Start?.DateTime is not null && e.End?.DateTime is not null)
                .Select(e => new BusyTime(Utc(e.Start!), Utc(e.End!), e.ShowAs?.ToString().ToLowerInvariant() ?? "busy"))
                .Where(b => !string.Equals(b.ShowAs, "free", StringComparison.Ordinal))
                .OrderBy(b => b.Start)];
        }, cancellationToken);

    private static DateTimeOffset Utc(DateTimeTimeZone value)
    {
        var local = DateTime.Parse(value.DateTime!, CultureInfo.InvariantCulture, DateTimeStyles.None);
        var zone = string.IsNullOrEmpty(value.TimeZone) || value.TimeZone == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(value.TimeZone);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }

    // ---------------------------------------------------------------- calendar

    /// <summary>Creates the calendar event with a Teams meeting (it appears in the attendees' Outlook).</summary>
    public Task<CalendarMeeting> CreateMeetingAsync(CalendarOwner owner, CalendarMeetingRequest request, CancellationToken cancellationToken) =>
        _graph.CallAsync("create meeting", async () =>
        {
            var body = ToEvent(request);
            var created = owner.IsGroup
                ? await _graph.Client.Groups[owner.Id].Events.PostAsync(body, cancellationToken: cancellationToken)
                : await _graph.Client.Users[owner.Id].Events.PostAsync(body, cancellationToken: cancellationToken);
            GraphLog.MeetingChanged(_graph.Logger, created!.Id ?? "", "created");
            return ToMeeting(owner, created);
        }, cancellationToken);

    /// <summary>Replaces subject, body, times, attendees, location and recurrence of the event.</summary>
    public Task<CalendarMeeting> UpdateMeetingAsync(CalendarOwner owner, string eventId, CalendarMeetingRequest request, CancellationToken cancellationToken) =>
        _graph.CallAsync("update meeting", async () =>
        {
            var body = ToEvent(request);
            var updated = owner.IsGroup
                ? await _graph.Client.Groups[owner.Id].Events[eventId].PatchAsync(body, cancellationToken: cancellationToken)
                : await _graph.Client.Users[owner.Id].Events[eventId].PatchAsync(body, cancellationToken: cancellationToken);
            GraphLog.MeetingChanged(_graph.Logger, eventId, "updated");
            return ToMeeting(owner, updated!);
        }, cancellationToken);

    /// <summary>Cancels the meeting; attendees receive the cancellation with <paramref name="comment"/>.</summary>
    public Task CancelMeetingAsync(CalendarOwner owner, string eventId, string? comment, CancellationToken cancellationToken) =>
        _graph.CallAsync("cancel meeting", async () =>
        {
            if (owner.IsGroup)
            {
                await _graph.Client.Groups[owner.Id].Events[eventId].Cancel.PostAsync(
                    new Microsoft.Graph.Groups.Item.Events.Item.Cancel.CancelPostRequestBody { Comment = comment }, cancellationToken: cancellationToken);
            }
            else
            {
                await _graph.Client.Users[owner.Id].Events[eventId].Cancel.PostAsync(
                    new Microsoft.Graph.Users.Item.Events.Item.Cancel.CancelPostRequestBody { Comment = comment }, cancellationToken: cancellationToken);
            }

            GraphLog.MeetingChanged(_graph.Logger, eventId, "cancelled");
            return true;
        }, cancellationToken);

    /// <summary>The event as it stands, with each attendee's answer.</summary>
    public Task<CalendarMeeting> GetMeetingAsync(CalendarOwner owner, string eventId, CancellationToken cancellationToken) =>
        _graph.CallAsync("get meeting", async () =>
        {
            var found = owner.IsGroup
                ? await _graph.Client.Groups[owner.Id].Events[eventId].GetAsync(cancellationToken: cancellationToken)
                : await _graph.Client.Users[owner.Id].Events[eventId].GetAsync(cancellationToken: cancellationToken);
            return ToMeeting(owner, found!);
        }, cancellationToken);

    public async Task<IReadOnlyList<AttendeeResponse>> GetAttendeeResponsesAsync(CalendarOwner owner, string eventId, CancellationToken cancellationToken) =>
        (await GetMeetingAsync(owner, eventId, cancellationToken)).Attendees;

    private Event ToEvent(CalendarMeetingRequest request) => new()
    {
        Subject = request.Subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = request.BodyHtml },
        Start = When(request.Start),
        End = When(request.End),
        Location = request.Location is null ? null : new Location { DisplayName = request.Location },
        Attendees = [.. request.AttendeeAddresses.Select(a => new Attendee { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Address = a } })],
        IsOnlineMeeting = true,
        OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
        Recurrence = request.Recurrence is null ? null : ToRecurrence(request.Recurrence),
    };

    private DateTimeTimeZone When(DateTimeOffset instant)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_graph.Options.CalendarTimeZone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return new DateTimeTimeZone
        {
            DateTime = local.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            TimeZone = _graph.Options.CalendarTimeZone,
        };
    }

    private PatternedRecurrence ToRecurrence(MeetingRecurrence recurrence) => new()
    {
        Pattern = new RecurrencePattern
        {
            Type = recurrence.Frequency switch
            {
                RecurrenceFrequency.Daily => RecurrencePatternType.Daily,
                RecurrenceFrequency.Weekly => RecurrencePatternType.Weekly,
                RecurrenceFrequency.MonthlyOnDate => RecurrencePatternType.AbsoluteMonthly,
                _ => RecurrencePatternType.RelativeMonthly,
            },
            Interval = recurrence.Interval,
            DaysOfWeek = recurrence.DaysOfWeek is null ? null : [.. recurrence.DaysOfWeek.Select(d => (DayOfWeekObject?)Enum.Parse<DayOfWeekObject>(d.ToString()))],
            DayOfMonth = recurrence.DayOfMonth,
            Index = recurrence.WeekOfMonth switch
            {
                null => null,
                1 => WeekIndex.First,
                2 => WeekIndex.Second,
                3 => WeekIndex.Third,
                4 => WeekIndex.Fourth,
                _ => WeekIndex.Last,
            },
            FirstDayOfWeek = DayOfWeekObject.Monday,
        },
        Range = new RecurrenceRange
        {
            Type = recurrence.EndDate is not null ? RecurrenceRangeType.EndDate
                : recurrence.Occurrences is not null ? RecurrenceRangeType.Numbered
                : RecurrenceRangeType.NoEnd,
            StartDate = new Date(recurrence.StartDate.Year, recurrence.StartDate.Month, recurrence.StartDate.Day),
            EndDate = recurrence.EndDate is { } end ? new Date(end.Year, end.Month, end.Day) : null,
            NumberOfOccurrences = recurrence.Occurrences,
            RecurrenceTimeZone = _graph.Options.CalendarTimeZone,
        },
    };

    private static CalendarMeeting ToMeeting(CalendarOwner owner, Event calendarEvent) => new(
        owner,
        calendarEvent.Id ?? "",
        calendarEvent.Subject ?? "",
        calendarEvent.OnlineMeeting?.JoinUrl,
        calendarEvent.Recurrence is not null,
        calendarEvent.IsCancelled == true,
        [.. (calendarEvent.Attendees ?? []).Select(a => new AttendeeResponse(
            a.EmailAddress?.Address ?? "",
            a.Status?.Response switch
            {
                ResponseType.Organizer => MeetingResponse.Organizer,
                ResponseType.TentativelyAccepted => MeetingResponse.TentativelyAccepted,
                ResponseType.Accepted => MeetingResponse.Accepted,
                ResponseType.Declined => MeetingResponse.Declined,
                ResponseType.NotResponded => MeetingResponse.NotResponded,
                _ => MeetingResponse.None,
            },
            a.Status?.Time is { } at && at.Year > 1 ? at : null))]);

}
