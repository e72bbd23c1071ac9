using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>
/// Calendar events of users and groups (with Teams meetings and recurrence), cancellation, attendee responses
/// and the settings of the online meeting behind an event.
/// </summary>
public sealed class GraphCalendarApi(GraphStore store, TimeProvider time)
{
    private static readonly HashSet<string> WritableProperties = new(StringComparer.Ordinal)
    {
        "subject", "body", "start", "end", "location", "locations", "attendees", "isOnlineMeeting", "onlineMeetingProvider",
        "recurrence", "importance", "sensitivity", "showAs", "isAllDay", "isReminderOn", "reminderMinutesBeforeStart",
        "responseRequested", "allowNewTimeProposals", "categories", "hideAttendees", "transactionId",
    };

    private static readonly HashSet<string> LobbyScopes = new(StringComparer.Ordinal)
    {
        "organizer", "organization", "organizationAndFederated", "everyone", "invited", "organizationExcludingGuests",
    };

    private static readonly HashSet<string> Responses = new(StringComparer.Ordinal)
    {
        "none", "organizer", "tentativelyAccepted", "accepted", "declined", "notResponded",
    };

    public void Map(GraphRouter router)
    {
        foreach (var owner in new[] { "users/{userId}", "groups/{groupId}" })
        {
            router.Map("GET", $"{owner}/events", (r, v) => WithOwner(v, key => List(r, key)));
            router.Map("POST", $"{owner}/events", (r, v) => WithOwner(v, key => Create(r, key)));
            router.Map("GET", $"{owner}/events/{{eventId}}", (r, v) => WithOwner(v, key => Get(key, (string)v["eventId"]!)));
            router.Map("PATCH", $"{owner}/events/{{eventId}}", (r, v) => WithEvent(v, e => Update(r, e)));
            router.Map("DELETE", $"{owner}/events/{{eventId}}", (r, v) => WithEvent(v, e =>
            {
                store.Events.Remove(e.Id);
                return GraphResponse.NoContent();
            }));
            router.Map("POST", $"{owner}/events/{{eventId}}/cancel", (r, v) => WithEvent(v, e => Cancel(r, e)));
        }

        router.Map("GET", "users/{userId}/onlineMeetings", FindMeetings);
        router.Map("GET", "users/{userId}/onlineMeetings/{meetingId}", (r, v) => WithMeeting(v, m => GraphResponse.Ok(MeetingJson(m))));
        router.Map("PATCH", "users/{userId}/onlineMeetings/{meetingId}", (r, v) => WithMeeting(v, m => UpdateMeeting(r, m)));
    }

    /// <summary>Sets an attendee's response (the sandbox's stand-in for the person answering in Outlook).</summary>
    /// <returns>False when the event or the attendee is unknown or the response is not one Graph knows.</returns>
    public bool SetAttendeeResponse(string eventId, string attendee, string response)
    {
        if (!Responses.Contains(response))
        {
            return false;
        }

        var address = store.FindUser(attendee)?.UserPrincipalName ?? attendee;
        lock (store.Sync)
        {
            if (!store.Events.TryGetValue(eventId, out var calendarEvent))
            {
                return false;
            }

            var entry = (calendarEvent.Data["attendees"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(a =>
                string.Equals(GraphJson.String(a["emailAddress"], "address"), address, StringComparison.OrdinalIgnoreCase));
            if (entry is null)
            {
                return false;
            }

            entry["status"] = new JsonObject { ["response"] = response, ["time"] = GraphJson.Timestamp(time.GetUtcNow()) };
            return true;
        }
    }

    private GraphResponse WithOwner(RouteValueDictionary route, Func<string, GraphResponse> action)
    {
        string key;
        if (route.TryGetValue("userId", out var userId))
        {
            if (store.FindUser((string)userId!) is not { } user)
            {
                return GraphResponse.Error(404, "ErrorInvalidUser", $"The requested user '{userId}' is invalid.");
            }

            key = $"users/{user.ObjectId}";
        }
        else
        {
            var groupId = (string)route["groupId"]!;
            lock (store.Sync)
            {
                if (!store.Teams.ContainsKey(groupId))
                {
                    return GraphUsersApi.UserNotFound(groupId);
                }
            }

            key = $"groups/{groupId.ToLowerInvariant()}";
        }

        lock (store.Sync)
        {
            return action(key);
        }
    }

    private GraphResponse WithEvent(RouteValueDictionary route, Func<SandboxEvent, GraphResponse> action) =>
        WithOwner(route, key => store.Events.TryGetValue((string)route["eventId"]!, out var calendarEvent) && calendarEvent.OwnerKey == key
            ? action(calendarEvent)
            : GraphResponse.Error(404, "ErrorItemNotFound", "The specified object was not found in the store."));

    /// <summary>
    /// A calendar's events: those it organises and, as Graph puts a meeting in every attendee's calendar, its copy of each
    /// meeting it is invited to (its own id, <c>isOrganizer</c> false, its own response in <c>responseStatus</c>).
    /// </summary>
    private GraphResponse List(GraphRequest request, string ownerKey)
    {
        var address = AddressOf(ownerKey);
        var owned = store.Events.Values.Where(e => e.OwnerKey == ownerKey && GraphJson.Boolean(e.Data, "isCancelled") != true).Select(e => e.Data.DeepClone());
        var invited = address is null ? [] : store.Events.Values
            .Where(e => e.OwnerKey != ownerKey && GraphJson.Boolean(e.Data, "isCancelled") != true && AttendeeEntry(e.Data, address) is not null)
            .Select(e => AttendeeCopy(e, ownerKey, address));
        return GraphResponse.Collection(request, $"{ownerKey}/events", owned.Concat(invited));
    }

    private GraphResponse Get(string ownerKey, string eventId)
    {
        if (store.Events.TryGetValue(eventId, out var owned) && owned.OwnerKey == ownerKey)
        {
            return GraphResponse.Ok(owned.Data.DeepClone());
        }

        var separator = eventId.LastIndexOf(AttendeeCopySeparator, StringComparison.Ordinal);
        if (separator > 0 && AddressOf(ownerKey) is { } address
            && string.Equals(eventId[(separator + AttendeeCopySeparator.Length)..], ownerKey["users/".Length..], StringComparison.OrdinalIgnoreCase)
            && store.Events.TryGetValue(eventId[..separator], out var organised) && AttendeeEntry(organised.Data, address) is not null)
        {
            return GraphResponse.Ok(AttendeeCopy(organised, ownerKey, address));
        }

        return GraphResponse.Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    private const string AttendeeCopySeparator = "_ATT_";

    private string? AddressOf(string ownerKey) =>
        ownerKey.StartsWith("users/", StringComparison.Ordinal) ? store.FindUser(ownerKey["users/".Length..])?.UserPrincipalName : null;

    private static JsonObject? AttendeeEntry(JsonObject data, string address) =>
        (data["attendees"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(a => string.Equals(GraphJson.String(a["emailAddress"], "address"), address, StringComparison.OrdinalIgnoreCase));

    private static JsonObject AttendeeCopy(SandboxEvent organised, string ownerKey, string address)
    {
        var copy = (JsonObject)organised.Data.DeepClone();
        copy["id"] = organised.Id + AttendeeCopySeparator + ownerKey["users/".Length..];
        copy["isOrganizer"] = false;
        var status = AttendeeEntry(organised.Data, address)?["status"] as JsonObject;
        copy["responseStatus"] = status is not null && GraphJson.String(status, "response") is { } response && response != "none"
            ? status.DeepClone()
            : new JsonObject { ["response"] = "notResponded", ["time"] = "0001-01-01T00:00:00Z" };
        copy.Remove("@odata.context");
        return copy;
    }

    private GraphResponse Create(GraphRequest request, string ownerKey)
    {
        if (request.Body is not JsonObject body)
        {
            return Invalid("The request body must be an event.");
        }

        if (UnknownProperty(body) is { } unknown)
        {
            return unknown;
        }

        var now = time.GetUtcNow();
        var id = GraphIds.NewEventId();
        var organizer = Organizer(ownerKey);
        var data = new JsonObject
        {
            ["@odata.context"] = new Uri(request.GraphBase, $"$metadata#{ownerKey}/events/$entity").ToString(),
            ["id"] = id,
            ["createdDateTime"] = GraphJson.Timestamp(now),
            ["lastModifiedDateTime"] = GraphJson.Timestamp(now),
            ["changeKey"] = Guid.NewGuid().ToString("N"),
            ["iCalUId"] = "040000008200E00074C5B7101A82E008" + Guid.NewGuid().ToString("N").ToUpperInvariant(),
            ["subject"] = "",
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "" },
            ["importance"] = "normal",
            ["sensitivity"] = "normal",
            ["showAs"] = "busy",
            ["isAllDay"] = false,
            ["isCancelled"] = false,
            ["isOrganizer"] = true,
            ["responseRequested"] = true,
            ["allowNewTimeProposals"] = true,
            ["isOnlineMeeting"] = false,
            ["onlineMeetingProvider"] = "unknown",
            ["onlineMeeting"] = null,
            ["recurrence"] = null,
            ["seriesMasterId"] = null,
            ["location"] = new JsonObject { ["displayName"] = "" },
            ["attendees"] = new JsonArray(),
            ["organizer"] = organizer,
            ["responseStatus"] = new JsonObject { ["response"] = "organizer", ["time"] = "0001-01-01T00:00:00Z" },
            ["webLink"] = $"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(id)}&exvsurl=1&path=/calendar/item",
        };
        var calendarEvent = new SandboxEvent(id, ownerKey, data);
        if (Apply(calendarEvent, body, creating: true) is { } problem)
        {
            return problem;
        }

        store.Events[id] = calendarEvent;
        return GraphResponse.Created(data.DeepClone());
    }

    private GraphResponse Update(GraphRequest request, SandboxEvent calendarEvent)
    {
        if (request.Body is not JsonObject body)
        {
            return Invalid("The request body must be an event.");
        }

        if (UnknownProperty(body) is { } unknown)
        {
            return unknown;
        }

        // Validate on a copy so a refused PATCH changes nothing.
        var copy = new SandboxEvent(calendarEvent.Id, calendarEvent.OwnerKey, (JsonObject)calendarEvent.Data.DeepClone())
        {
            OnlineMeetingId = calendarEvent.OnlineMeetingId,
        };
        if (Apply(copy, body, creating: false) is { } problem)
        {
            return problem;
        }

        foreach (var (name, value) in copy.Data.ToList())
        {
            calendarEvent.Data[name] = value?.DeepClone();
        }

        calendarEvent.Data["lastModifiedDateTime"] = GraphJson.Timestamp(time.GetUtcNow());
        calendarEvent.Data["changeKey"] = Guid.NewGuid().ToString("N");
        calendarEvent.OnlineMeetingId = copy.OnlineMeetingId;
        return GraphResponse.Ok(calendarEvent.Data.DeepClone());
    }

    private GraphResponse Cancel(GraphRequest request, SandboxEvent calendarEvent)
    {
        if (GraphJson.Boolean(calendarEvent.Data, "isOrganizer") != true)
        {
            return GraphResponse.Error(400, "ErrorAccessDenied", "Your request can't be completed. You need to be an organizer to cancel a meeting.");
        }

        if (GraphJson.Boolean(calendarEvent.Data, "isCancelled") == true)
        {
            return Invalid("The meeting has already been canceled.");
        }

        calendarEvent.Data["isCancelled"] = true;
        calendarEvent.Data["lastModifiedDateTime"] = GraphJson.Timestamp(time.GetUtcNow());
        calendarEvent.CancellationComment = GraphJson.String(request.Body, "comment");
        return new GraphResponse(202);
    }

    /// <summary>Copies writable properties of <paramref name="body"/> into the event, validating as Outlook does.</summary>
    private GraphResponse? Apply(SandboxEvent calendarEvent, JsonObject body, bool creating)
    {
        var data = calendarEvent.Data;
        foreach (var (name, value) in body)
        {
            if (name is "attendees")
            {
                if (Attendees(value, data["attendees"] as JsonArray) is not { } attendees)
                {
                    return Invalid("Each attendee needs an emailAddress with an address.");
                }

                data["attendees"] = attendees;
            }
            else if (WritableProperties.Contains(name))
            {
                data[name] = value?.DeepClone();
            }
        }

        foreach (var edge in new[] { "start", "end" })
        {
            if (data[edge] is not JsonObject when)
            {
                return creating || body.ContainsKey(edge) ? Invalid($"The event must have a '{edge}' with dateTime and timeZone.") : null;
            }

            var zone = GraphJson.String(when, "timeZone");
            if (string.IsNullOrWhiteSpace(zone) || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                return GraphResponse.Error(400, "TimeZoneNotSupportedException",
                    $"A valid TimeZone value must be specified. The following TimeZone value is not supported: '{zone}'.");
            }

            if (!DateTime.TryParse(GraphJson.String(when, "dateTime"), CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return Invalid($"'{edge}.dateTime' is not a valid date and time.");
            }
        }

        var start = UtcOf(data["start"]);
        var end = UtcOf(data["end"]);
        if (end < start)
        {
            return Invalid("The end time of the event must be later than its start time.");
        }

        if (data["recurrence"] is JsonObject recurrence && RecurrenceProblem(recurrence) is { } recurrenceProblem)
        {
            return Invalid(recurrenceProblem);
        }

        data["type"] = data["recurrence"] is JsonObject ? "seriesMaster" : "singleInstance";
        data["originalStartTimeZone"] = GraphJson.String(data["start"], "timeZone");
        data["originalEndTimeZone"] = GraphJson.String(data["end"], "timeZone");

        if (GraphJson.Boolean(data, "isOnlineMeeting") != true)
        {
            data["onlineMeetingProvider"] = "unknown";
            data["onlineMeeting"] = null;
            return null;
        }

        var provider = GraphJson.String(data, "onlineMeetingProvider");
        if (provider is null or "unknown")
        {
            provider = "teamsForBusiness"; // the tenant's default provider
        }

        if (provider != "teamsForBusiness")
        {
            return Invalid($"The online meeting provider '{provider}' is not allowed in this tenant.");
        }

        data["onlineMeetingProvider"] = provider;
        var meeting = calendarEvent.OnlineMeetingId is { } meetingId && store.OnlineMeetings.TryGetValue(meetingId, out var existing)
            ? existing
            : NewMeeting(calendarEvent.OwnerKey);
        calendarEvent.OnlineMeetingId = meeting.Id;
        meeting.Subject = GraphJson.String(data, "subject");
        meeting.StartDateTime = GraphJson.Timestamp(start);
        meeting.EndDateTime = GraphJson.Timestamp(end);
        data["onlineMeeting"] = new JsonObject { ["joinUrl"] = meeting.JoinWebUrl, ["conferenceId"] = null, ["tollNumber"] = null };
        return null;
    }

    private SandboxOnlineMeeting NewMeeting(string ownerKey)
    {
        var organizerId = ownerKey[(ownerKey.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var thread = $"19%3ameeting_{Guid.NewGuid():N}%40thread.v2";
        var context = Uri.EscapeDataString($"{{\"Tid\":\"{DemoTenant.TenantId}\",\"Oid\":\"{organizerId}\"}}");
        var meeting = new SandboxOnlineMeeting(GraphIds.NewOnlineMeetingId(), organizerId,
            $"https://teams.microsoft.com/l/meetup-join/{thread}/0?context={context}", time.GetUtcNow());
        store.OnlineMeetings[meeting.Id] = meeting;
        return meeting;
    }

    private JsonArray? Attendees(JsonNode? value, JsonArray? previous)
    {
        var result = new JsonArray();
        foreach (var node in value as JsonArray ?? [])
        {
            var address = GraphJson.String(node?["emailAddress"], "address");
            if (string.IsNullOrWhiteSpace(address))
            {
                return null;
            }

            // An attendee kept from before keeps the answer they gave.
            var before = previous?.OfType<JsonObject>().FirstOrDefault(a =>
                string.Equals(GraphJson.String(a["emailAddress"], "address"), address, StringComparison.OrdinalIgnoreCase));
            var persona = store.FindUser(address);
            result.Add(new JsonObject
            {
                ["type"] = GraphJson.String(node, "type") ?? "required",
                ["status"] = before?["status"]?.DeepClone() ?? new JsonObject { ["response"] = "none", ["time"] = "0001-01-01T00:00:00Z" },
                ["emailAddress"] = new JsonObject
                {
                    ["name"] = GraphJson.String(node?["emailAddress"], "name") ?? persona?.DisplayName ?? address,
                    ["address"] = address,
                },
            });
        }

        return result;
    }

    private static string? RecurrenceProblem(JsonObject recurrence)
    {
        var pattern = recurrence["pattern"] as JsonObject;
        var range = recurrence["range"] as JsonObject;
        if (pattern is null || range is null)
        {
            return "A recurrence needs a pattern and a range.";
        }

        var type = GraphJson.String(pattern, "type");
        if (type is not ("daily" or "weekly" or "absoluteMonthly" or "relativeMonthly" or "absoluteYearly" or "relativeYearly"))
        {
            return $"Invalid recurrence pattern type '{type}'.";
        }

        if (pattern["interval"] is not JsonValue interval || !interval.TryGetValue<int>(out var every) || every < 1)
        {
            return "The recurrence pattern needs an interval of at least 1.";
        }

        if (type is "weekly" or "relativeMonthly" or "relativeYearly" && (pattern["daysOfWeek"] as JsonArray)?.Count is null or 0)
        {
            return $"A {type} recurrence pattern needs daysOfWeek.";
        }

        var rangeType = GraphJson.String(range, "type");
        if (!DateOnly.TryParse(GraphJson.String(range, "startDate"), CultureInfo.InvariantCulture, out var startDate))
        {
            return "The recurrence range needs a startDate.";
        }

        return rangeType switch
        {
            "noEnd" => null,
            "endDate" when DateOnly.TryParse(GraphJson.String(range, "endDate"), CultureInfo.InvariantCulture, out var endDate) =>
                endDate < startDate ? "The recurrence range ends before it starts." : null,
            "endDate" => "An endDate recurrence range needs an endDate.",
            "numbered" when range["numberOfOccurrences"] is JsonValue count && count.TryGetValue<int>(out var n) && n >= 1 => null,
            "numbered" => "A numbered recurrence range needs numberOfOccurrences of at least 1.",
            _ => $"Invalid recurrence range type '{rangeType}'.",
        };
    }

    private static DateTimeOffset UtcOf(JsonNode? when)
    {
        var local = DateTime.Parse(GraphJson.String(when, "dateTime")!, CultureInfo.InvariantCulture, DateTimeStyles.None);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(GraphJson.String(when, "timeZone")!);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    private JsonObject Organizer(string ownerKey)
    {
        var id = ownerKey[(ownerKey.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var persona = DemoTenant.FindPersona(id);
        var (name, address) = persona is not null
            ? (persona.DisplayName, persona.UserPrincipalName)
            : (store.Teams.TryGetValue(id, out var team) ? team.DisplayName : id, $"team-{id}@{DemoTenant.Domain}");
        return new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = name, ["address"] = address } };
    }

    private static GraphResponse? UnknownProperty(JsonObject body)
    {
        var unknown = body.Select(p => p.Key).FirstOrDefault(k => !k.StartsWith('@') && !WritableProperties.Contains(k)
            && k is not ("id" or "type" or "isCancelled" or "organizer" or "onlineMeeting" or "webLink" or "createdDateTime" or "lastModifiedDateTime"));
        return unknown is null ? null : Invalid($"The property '{unknown}' does not exist on type 'microsoft.graph.event'.");
    }

    private static GraphResponse Invalid(string message) => GraphResponse.Error(400, "ErrorInvalidRequest", message);

    private GraphResponse FindMeetings(GraphRequest request, RouteValueDictionary route)
    {
        var userId = (string)route["userId"]!;
        if (store.FindUser(userId) is not { } user)
        {
            return GraphUsersApi.UserNotFound(userId);
        }

        var clause = request.Query.TryGetValue("$filter", out var filter) ? GraphJson.EqualsFilter(filter) : null;
        if (clause is null || !string.Equals(clause.Value.Property, "JoinWebUrl", StringComparison.OrdinalIgnoreCase))
        {
            return GraphResponse.BadRequest("This request requires a filter on JoinWebUrl (or a meeting id).");
        }

        lock (store.Sync)
        {
            var found = store.OnlineMeetings.Values
                .Where(m => m.OrganizerId == user.ObjectId && string.Equals(m.JoinWebUrl, clause.Value.Value, StringComparison.Ordinal))
                .Select(m => (JsonNode)MeetingJson(m));
            return GraphResponse.Collection(request, $"users('{user.ObjectId}')/onlineMeetings", found);
        }
    }

    private GraphResponse WithMeeting(RouteValueDictionary route, Func<SandboxOnlineMeeting, GraphResponse> action)
    {
        var userId = (string)route["userId"]!;
        if (store.FindUser(userId) is not { } user)
        {
            return GraphUsersApi.UserNotFound(userId);
        }

        lock (store.Sync)
        {
            return store.OnlineMeetings.TryGetValue((string)route["meetingId"]!, out var meeting) && meeting.OrganizerId == user.ObjectId
                ? action(meeting)
                : GraphResponse.NotFound("The online meeting was not found.");
        }
    }

    private static GraphResponse UpdateMeeting(GraphRequest request, SandboxOnlineMeeting meeting)
    {
        var body = request.Body as JsonObject;
        var lobby = body?["lobbyBypassSettings"] as JsonObject;
        var scope = GraphJson.String(lobby, "scope");
        if (scope is not null && !LobbyScopes.Contains(scope))
        {
            return GraphResponse.BadRequest($"Invalid lobbyBypassSettings.scope '{scope}'.");
        }

        meeting.AllowRecording = GraphJson.Boolean(body, "allowRecording") ?? meeting.AllowRecording;
        meeting.AllowTranscription = GraphJson.Boolean(body, "allowTranscription") ?? meeting.AllowTranscription;
        meeting.LobbyBypassScope = scope ?? meeting.LobbyBypassScope;
        meeting.IsDialInBypassEnabled = GraphJson.Boolean(lobby, "isDialInBypassEnabled") ?? meeting.IsDialInBypassEnabled;
        meeting.Subject = GraphJson.String(body, "subject") ?? meeting.Subject;
        return GraphResponse.Ok(MeetingJson(meeting));
    }

    private static JsonObject MeetingJson(SandboxOnlineMeeting meeting) => new()
    {
        ["id"] = meeting.Id,
        ["creationDateTime"] = GraphJson.Timestamp(meeting.CreatedAt),
        ["startDateTime"] = meeting.StartDateTime,
        ["endDateTime"] = meeting.EndDateTime,
        ["joinWebUrl"] = meeting.JoinWebUrl,
        ["subject"] = meeting.Subject,
        ["allowRecording"] = meeting.AllowRecording,
        ["allowTranscription"] = meeting.AllowTranscription,
        ["allowedPresenters"] = "everyone",
        ["allowMeetingChat"] = "enabled",
        ["isEntryExitAnnounced"] = true,
        ["lobbyBypassSettings"] = new JsonObject { ["scope"] = meeting.LobbyBypassScope, ["isDialInBypassEnabled"] = meeting.IsDialInBypassEnabled },
        ["participants"] = new JsonObject
        {
            ["organizer"] = new JsonObject
            {
                ["role"] = "presenter",
                ["identity"] = new JsonObject { ["user"] = new JsonObject { ["id"] = meeting.OrganizerId, ["tenantId"] = DemoTenant.TenantId } },
            },
            ["attendees"] = new JsonArray(),
        },
        ["chatInfo"] = new JsonObject { ["threadId"] = $"19:meeting_{meeting.Id}@thread.v2", ["messageId"] = "0" },
    };
}
