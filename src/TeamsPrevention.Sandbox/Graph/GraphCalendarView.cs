using System.Globalization;
using System.Text.Json.Nodes;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>
/// <c>GET /me/calendarView</c> (and <c>/me/calendar/calendarView</c>) for a delegated caller: the person's events —
/// organised or attended — that overlap <c>startDateTime</c>…<c>endDateTime</c>, recurring series expanded into their
/// occurrences (daily, weekly, absolute and relative monthly; end date, numbered or no end), times in UTC as Graph
/// answers without a <c>Prefer: outlook.timezone</c> header. Cancelled events are left out.
/// </summary>
public sealed class GraphCalendarView(GraphStore store)
{
    private const int MaxOccurrencesPerSeries = 1000;

    public void Map(GraphRouter router)
    {
        router.Map("GET", "me/calendarView", (r, _) => View(r));
        router.Map("GET", "me/calendar/calendarView", (r, _) => View(r));
    }

    private GraphResponse View(GraphRequest request)
    {
        if (request.Caller.IsAppOnly || request.Caller.UserId is not { } userId)
        {
            return GraphResponse.BadRequest("/me request is only valid with delegated authentication flow.");
        }

        if (!TryInstant(request.Query, "startDateTime", out var from) || !TryInstant(request.Query, "endDateTime", out var to))
        {
            return GraphResponse.Error(400, "ErrorInvalidParameter",
                "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
        }

        var person = store.FindUser(userId);
        var address = person?.UserPrincipalName;
        var ownerKey = $"users/{userId}";
        List<JsonNode> items;
        lock (store.Sync)
        {
            items = [.. store.Events.Values
                .Where(e => GraphJson.Boolean(e.Data, "isCancelled") != true
                    && (e.OwnerKey.Equals(ownerKey, StringComparison.OrdinalIgnoreCase) || IsAttendee(e.Data, address)))
                .SelectMany(e => Instances(e, from, to))
                .OrderBy(i => GraphJson.String(i["start"], "dateTime"), StringComparer.Ordinal)];
        }

        return GraphResponse.Collection(request, "users('" + userId + "')/calendarView", items);
    }

    private static bool IsAttendee(JsonObject data, string? address) =>
        address is not null && (data["attendees"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(a => string.Equals(GraphJson.String(a["emailAddress"], "address"), address, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<JsonNode> Instances(SandboxEvent calendarEvent, DateTimeOffset from, DateTimeOffset to)
    {
        var data = calendarEvent.Data;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(GraphJson.String(data["start"], "timeZone")!);
        var localStart = Local(data["start"]);
        var duration = ToUtc(Local(data["end"]), TimeZoneInfo.FindSystemTimeZoneById(GraphJson.String(data["end"], "timeZone")!)) - ToUtc(localStart, zone);

        if (data["recurrence"] is not JsonObject recurrence)
        {
            var start = ToUtc(localStart, zone);
            if (start < to && start + duration > from)
            {
                yield return Instance(data, start, duration, "singleInstance", null);
            }

            yield break;
        }

        foreach (var day in OccurrenceDates(recurrence, DateOnly.FromDateTime(localStart)))
        {
            var start = ToUtc(day.ToDateTime(TimeOnly.FromDateTime(localStart)), zone);
            if (start >= to)
            {
                yield break;
            }

            if (start + duration > from)
            {
                yield return Instance(data, start, duration, "occurrence", calendarEvent.Id);
            }
        }
    }

    /// <summary>The series' dates in order, from its range's start, until its range ends (at most 1,000).</summary>
    internal static IEnumerable<DateOnly> OccurrenceDates(JsonObject recurrence, DateOnly seriesStart)
    {
        var pattern = recurrence["pattern"] as JsonObject ?? [];
        var range = recurrence["range"] as JsonObject ?? [];
        var interval = Math.Max(1, pattern["interval"]?.GetValue<int>() ?? 1);
        var first = DateOnly.TryParse(GraphJson.String(range, "startDate"), CultureInfo.InvariantCulture, out var d) ? d : seriesStart;
        DateOnly? last = GraphJson.String(range, "type") == "endDate" && DateOnly.TryParse(GraphJson.String(range, "endDate"), CultureInfo.InvariantCulture, out var e) ? e : null;
        var count = GraphJson.String(range, "type") == "numbered" ? range["numberOfOccurrences"]?.GetValue<int>() ?? 0 : int.MaxValue;
        var days = (pattern["daysOfWeek"] as JsonArray ?? []).Select(x => Enum.Parse<DayOfWeek>(x!.GetValue<string>(), ignoreCase: true)).ToHashSet();

        var produced = 0;
        foreach (var date in Candidates(GraphJson.String(pattern, "type"), first, interval, days, pattern))
        {
            if (produced >= Math.Min(count, MaxOccurrencesPerSeries) || (last is { } end && date > end))
            {
                yield break;
            }

            if (date < first)
            {
                continue;
            }

            produced++;
            yield return date;
        }
    }

    private static IEnumerable<DateOnly> Candidates(string? type, DateOnly first, int interval, HashSet<DayOfWeek> days, JsonObject pattern)
    {
        for (var step = 0; step < MaxOccurrencesPerSeries * 5; step++)
        {
            switch (type)
            {
                case "daily":
                    yield return first.AddDays(step * interval);
                    break;
                case "weekly":
                    var weekStart = first.AddDays(-(int)first.DayOfWeek).AddDays(step * 7 * interval);
                    foreach (var day in Enumerable.Range(0, 7).Select(weekStart.AddDays).Where(x => days.Contains(x.DayOfWeek)))
                    {
                        yield return day;
                    }

                    break;
                case "absoluteMonthly":
                    var month = new DateOnly(first.Year, first.Month, 1).AddMonths(step * interval);
                    var dayOfMonth = pattern["dayOfMonth"]?.GetValue<int>() ?? first.Day;
                    if (dayOfMonth <= DateTime.DaysInMonth(month.Year, month.Month))
                    {
                        yield return month.AddDays(dayOfMonth - 1);
                    }

                    break;
                case "relativeMonthly":
                    var monthStart = new DateOnly(first.Year, first.Month, 1).AddMonths(step * interval);
                    yield return RelativeDay(monthStart, days.Count > 0 ? days.First() : first.DayOfWeek, GraphJson.String(pattern, "index") ?? "first");
                    break;
                default:
                    yield break;
            }
        }
    }

    private static DateOnly RelativeDay(DateOnly monthStart, DayOfWeek day, string index)
    {
        var firstMatch = monthStart.AddDays(((int)day - (int)monthStart.DayOfWeek + 7) % 7);
        var weeks = index switch { "second" => 1, "third" => 2, "fourth" => 3, "last" => 4, _ => 0 };
        var date = firstMatch.AddDays(7 * weeks);
        return date.Month == monthStart.Month ? date : date.AddDays(-7);
    }

    private static JsonObject Instance(JsonObject data, DateTimeOffset start, TimeSpan duration, string type, string? seriesMasterId)
    {
        var instance = (JsonObject)data.DeepClone();
        instance.Remove("@odata.context");
        instance["type"] = type;
        instance["recurrence"] = null;
        if (seriesMasterId is not null)
        {
            instance["id"] = $"{seriesMasterId}_{start:yyyyMMdd}";
            instance["seriesMasterId"] = seriesMasterId;
        }

        instance["start"] = Utc(start);
        instance["end"] = Utc(start + duration);
        return instance;
    }

    private static JsonObject Utc(DateTimeOffset value) => new()
    {
        ["dateTime"] = value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        ["timeZone"] = "UTC",
    };

    private static DateTime Local(JsonNode? when) =>
        DateTime.SpecifyKind(DateTime.Parse(GraphJson.String(when, "dateTime")!, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Unspecified);

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone) => new(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);

    private static bool TryInstant(IReadOnlyDictionary<string, string> query, string name, out DateTimeOffset value)
    {
        var key = query.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        value = default;
        return key is not null && DateTimeOffset.TryParse(query[key], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
