using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Graph;

/// <summary>
/// Everything the product asks of Microsoft Graph, through the Graph SDK, in the product's own records. Failures
/// become <see cref="GraphGatewayException"/> with a <see cref="GraphFailure"/> kind; throttling that outlasts the
/// SDK's retries (its AggregateException wrapping a 429) is <see cref="GraphFailure.Throttled"/>: not done, try later.
/// </summary>
public sealed partial class GraphGateway
{
    public const string HttpClientName = "graph";
    private const string MemberODataType = "#microsoft.graph.aadUserConversationMember";
    private const int MaxBatchSize = 20;
    private static readonly string[] UserFields = ["id", "displayName", "userPrincipalName", "mail", "preferredLanguage", "jobTitle"];

    // Built on first use: many scopes resolve the gateway (every delivery row's) and most never call Graph.
    private readonly Lazy<GraphServiceClient> _client;
    private readonly HttpClient _http;
    private readonly AppTokenClient _tokens;
    private readonly string _delegatedScope;
    private readonly Uri _graphBase;
    private readonly string _baseUrl;
    private readonly Uri _batchRoot;
    private readonly GraphGatewayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GraphGateway> _logger;

    public GraphGateway(
        HttpClient http,
        AppTokenClient tokens,
        IOptions<TenantOptions> tenant,
        IOptions<GraphGatewayOptions> options,
        TimeProvider time,
        ILogger<GraphGateway> logger)
    {
        var graphBase = tenant.Value.GraphBaseUrl ?? throw new InvalidOperationException("Tenant:GraphBaseUrl is not set.");
        _baseUrl = graphBase.ToString().TrimEnd('/');
        var scope = tenant.Value.GraphScope;
        _client = new(() => new GraphServiceClient(http, new BaseBearerTokenAuthenticationProvider(new GraphAccessTokenProvider(tokens, scope, graphBase)), _baseUrl));
        _http = http;
        _tokens = tokens;
        _graphBase = graphBase;
        _delegatedScope = tenant.Value.GraphScope;

        // The SDK writes a batch step's URL as its path minus the first five characters ("/v1.0"): it assumes
        // Graph's layout (host/v1.0/...). Steps are therefore addressed from a root of that shape, whatever the
        // deployment prefix of the base URL (the sandbox's /sandbox/graph/v1.0).
        var version = graphBase.Segments[^1].Trim('/');
        _batchRoot = new Uri($"{graphBase.Scheme}://{graphBase.Authority}/{version}/");
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    // ---------------------------------------------------------------- as the signed-in person (on-behalf-of)

    /// <summary>
    /// When the signed-in person's own calendar is taken between <paramref name="from"/> and <paramref name="to"/>
    /// (<c>/me/calendarView</c>, recurring meetings expanded), read as that person with an on-behalf-of token from the
    /// token they sent to the App. Only times and free/busy status are asked for — never subjects or attendees.
    /// </summary>
    public Task<IReadOnlyList<BusyTime>> GetMyBusyTimesAsync(string userAssertion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<BusyTime>>("read my calendar", async () =>
        {
            var auth = new BaseBearerTokenAuthenticationProvider(new DelegatedAccessTokenProvider(_tokens, userAssertion, _delegatedScope, _graphBase));
            var client = new GraphServiceClient(_http, auth, _baseUrl);
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

    // ---------------------------------------------------------------- users

    public Task<IReadOnlyList<TenantUser>> ListUsersAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<TenantUser>>("list users", async () =>
        {
            var users = new List<TenantUser>();
            var page = await _client.Value.Users.GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken);
            while (page is not null)
            {
                users.AddRange((page.Value ?? []).Select(ToUser));
                page = page.OdataNextLink is { } next ? await _client.Value.Users.WithUrl(next).GetAsync(cancellationToken: cancellationToken) : null;
            }

            return users;
        }, cancellationToken);

    /// <summary>A user by object id or user principal name; null when the directory has none.</summary>
    public async Task<TenantUser?> GetUserAsync(string idOrUserPrincipalName, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync("get user", async () =>
                ToUser((await _client.Value.Users[idOrUserPrincipalName].GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken))!),
                cancellationToken);
        }
        catch (GraphGatewayException e) when (e.Kind == GraphFailure.NotFound)
        {
            return null;
        }
    }

    // ---------------------------------------------------------------- team members

    public Task<IReadOnlyList<Membership>> ListTeamMembersAsync(string teamId, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<Membership>>("list team members", async () =>
        {
            var members = new List<Membership>();
            var page = await _client.Value.Teams[teamId].Members.GetAsync(cancellationToken: cancellationToken);
            while (page is not null)
            {
                members.AddRange((page.Value ?? []).Select(ToMembership));
                page = page.OdataNextLink is { } next ? await _client.Value.Teams[teamId].Members.WithUrl(next).GetAsync(cancellationToken: cancellationToken) : null;
            }

            return members;
        }, cancellationToken);

    public Task<Membership> AddTeamMemberAsync(string teamId, string userId, bool asOwner, CancellationToken cancellationToken) =>
        CallAsync("add team member", async () =>
            ToMembership((await _client.Value.Teams[teamId].Members.PostAsync(NewMember(userId, asOwner), cancellationToken: cancellationToken))!),
            cancellationToken);

    public Task RemoveTeamMemberAsync(string teamId, string membershipId, CancellationToken cancellationToken) =>
        CallAsync("remove team member", async () =>
        {
            await _client.Value.Teams[teamId].Members[membershipId].DeleteAsync(cancellationToken: cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>The person's team membership, adding them as a member first if they have none.</summary>
    public async Task<Membership> EnsureTeamMemberAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var existing = (await ListTeamMembersAsync(teamId, cancellationToken)).FirstOrDefault(m => SameId(m.UserId, userId));
        if (existing is not null)
        {
            return existing;
        }

        try
        {
            return await AddTeamMemberAsync(teamId, userId, asOwner: false, cancellationToken);
        }
        catch (GraphGatewayException e) when (e.Kind == GraphFailure.Conflict)
        {
            // Added by someone else meanwhile.
            return (await ListTeamMembersAsync(teamId, cancellationToken)).First(m => SameId(m.UserId, userId));
        }
    }

    // ---------------------------------------------------------------- channels

    /// <summary>
    /// Creates a private channel owned by <paramref name="ownerUserId"/> with <paramref name="memberUserIds"/>
    /// (all must be team members). Up to <see cref="GraphGatewayOptions.MaxMembersInChannelCreate"/> people go in the
    /// creating request; the others are added by batches of 20 afterwards.
    /// </summary>
    public async Task<CreatedChannel> CreatePrivateChannelAsync(
        string teamId, string displayName, string ownerUserId, IReadOnlyCollection<string> memberUserIds, CancellationToken cancellationToken)
    {
        var others = memberUserIds.Where(id => !SameId(id, ownerUserId)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var inCreate = others.Take(_options.MaxMembersInChannelCreate - 1).ToList();
        var later = others.Skip(inCreate.Count).ToList();
        var request = new Channel
        {
            DisplayName = displayName,
            MembershipType = ChannelMembershipType.Private,
            Members = [NewMember(ownerUserId, owner: true), .. inCreate.Select(id => NewMember(id, owner: false))],
        };
        var created = await CallAsync("create private channel", async () =>
            (await _client.Value.Teams[teamId].Channels.PostAsync(request, cancellationToken: cancellationToken))!, cancellationToken);
        var channel = ToChannel(teamId, created);
        GraphLog.PrivateChannelCreated(_logger, channel.Id, teamId, inCreate.Count + 1);

        var notAdded = later.Count == 0
            ? []
            : (await AddChannelMembersAsync(teamId, channel.Id, later, cancellationToken)).Where(o => !o.Added).ToList();
        return new CreatedChannel(channel, notAdded);
    }

    /// <summary>
    /// Creates a shared channel with its single owner. Graph answers 202 with a <c>teamsAsyncOperation</c>; this
    /// polls it every <see cref="GraphGatewayOptions.SharedChannelPollInterval"/> until it succeeds.
    /// </summary>
    public async Task<TeamChannel> CreateSharedChannelAsync(string teamId, string displayName, string ownerUserId, CancellationToken cancellationToken)
    {
        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var request = new Channel
        {
            DisplayName = displayName,
            MembershipType = ChannelMembershipType.Shared,
            Members = [NewMember(ownerUserId, owner: true)],
        };
        await CallAsync("create shared channel", async () =>
            await _client.Value.Teams[teamId].Channels.PostAsync(request, r => r.Options.Add(headers), cancellationToken), cancellationToken);

        var location = headers.ResponseHeaders.TryGetValue("Location", out var values) ? values.FirstOrDefault() : null;
        var operationId = location is null ? null : OperationIdPattern().Match(location) is { Success: true } m ? m.Groups["id"].Value : null;
        if (operationId is null)
        {
            throw new GraphGatewayException(GraphFailure.Transient, "create shared channel", 202, "NoOperationLocation", null, null);
        }

        GraphLog.SharedChannelAccepted(_logger, operationId, teamId);
        var deadline = _time.GetUtcNow() + _options.SharedChannelTimeout;
        while (true)
        {
            await Task.Delay(_options.SharedChannelPollInterval, _time, cancellationToken);
            var operation = await CallAsync("poll shared channel creation", async () =>
                (await _client.Value.Teams[teamId].Operations[operationId].GetAsync(cancellationToken: cancellationToken))!, cancellationToken);
            if (operation.Status == TeamsAsyncOperationStatus.Succeeded && operation.TargetResourceId is { } channelId)
            {
                GraphLog.SharedChannelFinished(_logger, operationId, teamId, "succeeded");
                return await GetChannelAsync(teamId, channelId, cancellationToken)
                    ?? throw new GraphGatewayException(GraphFailure.Transient, "create shared channel", 404, "ChannelNotVisibleYet", null, null);
            }

            if (operation.Status == TeamsAsyncOperationStatus.Failed)
            {
                GraphLog.SharedChannelFinished(_logger, operationId, teamId, "failed");
                throw new GraphGatewayException(GraphFailure.BadRequest, "create shared channel", null, operation.Error?.Code, null, null);
            }

            if (_time.GetUtcNow() >= deadline)
            {
                GraphLog.SharedChannelFinished(_logger, operationId, teamId, "still running at the deadline");
                throw new GraphGatewayException(GraphFailure.Transient, "create shared channel", null, "OperationStillRunning", null, null);
            }
        }
    }

    /// <summary>A channel of the team; null when it does not exist (or was deleted).</summary>
    public async Task<TeamChannel?> GetChannelAsync(string teamId, string channelId, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync("get channel", async () =>
                ToChannel(teamId, (await _client.Value.Teams[teamId].Channels[channelId].GetAsync(cancellationToken: cancellationToken))!), cancellationToken);
        }
        catch (GraphGatewayException e) when (e.Kind == GraphFailure.NotFound)
        {
            return null;
        }
    }

    /// <summary>The team's channel with this display name (Graph compares without case), or null.</summary>
    public Task<TeamChannel?> FindChannelByNameAsync(string teamId, string displayName, CancellationToken cancellationToken) =>
        CallAsync("find channel", async () =>
        {
            var page = await _client.Value.Teams[teamId].Channels.GetAsync(
                r => r.QueryParameters.Filter = $"displayName eq '{displayName.Replace("'", "''", StringComparison.Ordinal)}'",
                cancellationToken);
            var found = page?.Value?.FirstOrDefault();
            return found is null ? null : ToChannel(teamId, found);
        }, cancellationToken);

    public Task RenameChannelAsync(string teamId, string channelId, string displayName, CancellationToken cancellationToken) =>
        CallAsync("rename channel", async () =>
        {
            await _client.Value.Teams[teamId].Channels[channelId].PatchAsync(new Channel { DisplayName = displayName }, cancellationToken: cancellationToken);
            GraphLog.ChannelChanged(_logger, channelId, teamId, "renamed");
            return true;
        }, cancellationToken);

    public Task DeleteChannelAsync(string teamId, string channelId, CancellationToken cancellationToken) =>
        CallAsync("delete channel", async () =>
        {
            await _client.Value.Teams[teamId].Channels[channelId].DeleteAsync(cancellationToken: cancellationToken);
            GraphLog.ChannelChanged(_logger, channelId, teamId, "deleted");
            return true;
        }, cancellationToken);

    /// <summary>
    /// Archives a channel (<c>channel: archive</c>): read-only in Teams — no new messages, no settings changes — while
    /// its members may still change and it can still be deleted. The channel's SharePoint folder becomes read-only for
    /// its members too. Graph completes the archive after answering 202.
    /// </summary>
    public Task ArchiveChannelAsync(string teamId, string channelId, CancellationToken cancellationToken) =>
        CallAsync("archive channel", async () =>
        {
            await _client.Value.Teams[teamId].Channels[channelId].Archive.PostAsync(
                new Microsoft.Graph.Teams.Item.Channels.Item.Archive.ArchivePostRequestBody { ShouldSetSpoSiteReadOnlyForMembers = true },
                cancellationToken: cancellationToken);
            GraphLog.ChannelChanged(_logger, channelId, teamId, "archived");
            return true;
        }, cancellationToken);

    // ---------------------------------------------------------------- channel members

    public Task<IReadOnlyList<Membership>> ListChannelMembersAsync(string teamId, string channelId, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<Membership>>("list channel members", async () =>
        {
            var members = new List<Membership>();
            var builder = _client.Value.Teams[teamId].Channels[channelId].Members;
            var page = await builder.GetAsync(cancellationToken: cancellationToken);
            while (page is not null)
            {
                members.AddRange((page.Value ?? []).Select(ToMembership));
                page = page.OdataNextLink is { } next ? await builder.WithUrl(next).GetAsync(cancellationToken: cancellationToken) : null;
            }

            return members;
        }, cancellationToken);

    public Task<Membership> AddChannelMemberAsync(string teamId, string channelId, string userId, bool asOwner, CancellationToken cancellationToken) =>
        CallAsync("add channel member", async () =>
            ToMembership((await _client.Value.Teams[teamId].Channels[channelId].Members.PostAsync(NewMember(userId, asOwner), cancellationToken: cancellationToken))!),
            cancellationToken);

    public Task RemoveChannelMemberAsync(string teamId, string channelId, string membershipId, CancellationToken cancellationToken) =>
        CallAsync("remove channel member", async () =>
        {
            await _client.Value.Teams[teamId].Channels[channelId].Members[membershipId].DeleteAsync(cancellationToken: cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Adds many people to a channel by batches of 20 (throttled ones are sent again after Retry-After).</summary>
    public async Task<IReadOnlyList<MemberAddOutcome>> AddChannelMembersAsync(
        string teamId, string channelId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var url = $"teams/{Uri.EscapeDataString(teamId)}/channels/{Uri.EscapeDataString(channelId)}/members";
        var people = userIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var steps = people.Select((id, i) => new GraphBatchStep(
            (i + 1).ToString(CultureInfo.InvariantCulture), HttpMethod.Post, url, MemberJson(id, owner: false))).ToList();
        var outcomes = await BatchAsync(steps, cancellationToken);
        return [.. outcomes.Select((o, i) => new MemberAddOutcome(
            people[i],
            o.Succeeded && o.Body is JsonObject body ? new Membership(Str(body, "id") ?? "", Str(body, "userId") ?? people[i], IsOwnerJson(body)) : null,
            o.Succeeded ? null : o.Failure))];
    }

    // ---------------------------------------------------------------- apps

    /// <summary>Installs the app (catalog id) in the user's personal scope; false when it was already installed.</summary>
    public async Task<bool> InstallAppForUserAsync(string userId, string teamsAppId, CancellationToken cancellationToken)
    {
        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = $"{_baseUrl}/appCatalogs/teamsApps/{teamsAppId}" },
        };
        try
        {
            await CallAsync("install app for user", async () =>
                await _client.Value.Users[userId].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: cancellationToken), cancellationToken);
            return true;
        }
        catch (GraphGatewayException e) when (e.Kind == GraphFailure.Conflict)
        {
            return false;
        }
    }

    // ---------------------------------------------------------------- calendar

    /// <summary>Creates the calendar event with a Teams meeting (it appears in the attendees' Outlook).</summary>
    public Task<CalendarMeeting> CreateMeetingAsync(CalendarOwner owner, CalendarMeetingRequest request, CancellationToken cancellationToken) =>
        CallAsync("create meeting", async () =>
        {
            var body = ToEvent(request);
            var created = owner.IsGroup
                ? await _client.Value.Groups[owner.Id].Events.PostAsync(body, cancellationToken: cancellationToken)
                : await _client.Value.Users[owner.Id].Events.PostAsync(body, cancellationToken: cancellationToken);
            GraphLog.MeetingChanged(_logger, created!.Id ?? "", "created");
            return ToMeeting(owner, created);
        }, cancellationToken);

    /// <summary>Replaces subject, body, times, attendees, location and recurrence of the event.</summary>
    public Task<CalendarMeeting> UpdateMeetingAsync(CalendarOwner owner, string eventId, CalendarMeetingRequest request, CancellationToken cancellationToken) =>
        CallAsync("update meeting", async () =>
        {
            var body = ToEvent(request);
            var updated = owner.IsGroup
                ? await _client.Value.Groups[owner.Id].Events[eventId].PatchAsync(body, cancellationToken: cancellationToken)
                : await _client.Value.Users[owner.Id].Events[eventId].PatchAsync(body, cancellationToken: cancellationToken);
            GraphLog.MeetingChanged(_logger, eventId, "updated");
            return ToMeeting(owner, updated!);
        }, cancellationToken);

    /// <summary>Cancels the meeting; attendees receive the cancellation with <paramref name="comment"/>.</summary>
    public Task CancelMeetingAsync(CalendarOwner owner, string eventId, string? comment, CancellationToken cancellationToken) =>
        CallAsync("cancel meeting", async () =>
        {
            if (owner.IsGroup)
            {
                await _client.Value.Groups[owner.Id].Events[eventId].Cancel.PostAsync(
                    new Microsoft.Graph.Groups.Item.Events.Item.Cancel.CancelPostRequestBody { Comment = comment }, cancellationToken: cancellationToken);
            }
            else
            {
                await _client.Value.Users[owner.Id].Events[eventId].Cancel.PostAsync(
                    new Microsoft.Graph.Users.Item.Events.Item.Cancel.CancelPostRequestBody { Comment = comment }, cancellationToken: cancellationToken);
            }

            GraphLog.MeetingChanged(_logger, eventId, "cancelled");
            return true;
        }, cancellationToken);

    /// <summary>The event as it stands, with each attendee's answer.</summary>
    public Task<CalendarMeeting> GetMeetingAsync(CalendarOwner owner, string eventId, CancellationToken cancellationToken) =>
        CallAsync("get meeting", async () =>
        {
            var found = owner.IsGroup
                ? await _client.Value.Groups[owner.Id].Events[eventId].GetAsync(cancellationToken: cancellationToken)
                : await _client.Value.Users[owner.Id].Events[eventId].GetAsync(cancellationToken: cancellationToken);
            return ToMeeting(owner, found!);
        }, cancellationToken);

    public async Task<IReadOnlyList<AttendeeResponse>> GetAttendeeResponsesAsync(CalendarOwner owner, string eventId, CancellationToken cancellationToken) =>
        (await GetMeetingAsync(owner, eventId, cancellationToken)).Attendees;

    // ---------------------------------------------------------------- online meeting settings

    /// <summary>The settings of the Teams meeting joined by <paramref name="joinUrl"/>, organized by the user.</summary>
    public Task<MeetingSettings> GetMeetingSettingsAsync(string organizerUserId, string joinUrl, CancellationToken cancellationToken) =>
        CallAsync("get meeting settings", async () =>
        {
            var page = await _client.Value.Users[organizerUserId].OnlineMeetings.GetAsync(
                r => r.QueryParameters.Filter = $"JoinWebUrl eq '{joinUrl.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken);
            var meeting = page?.Value?.FirstOrDefault()
                ?? throw new GraphGatewayException(GraphFailure.NotFound, "get meeting settings", 200, "NoMeetingForJoinUrl", null, null);
            return ToSettings(meeting);
        }, cancellationToken);

    public Task<MeetingSettings> UpdateMeetingSettingsAsync(
        string organizerUserId, string meetingId, bool allowRecording, bool allowTranscription, LobbyScope lobby, CancellationToken cancellationToken) =>
        CallAsync("update meeting settings", async () =>
        {
            var patch = new OnlineMeeting
            {
                AllowRecording = allowRecording,
                AllowTranscription = allowTranscription,
                LobbyBypassSettings = new LobbyBypassSettings { Scope = ToGraph(lobby) },
            };
            var updated = await _client.Value.Users[organizerUserId].OnlineMeetings[meetingId].PatchAsync(patch, cancellationToken: cancellationToken);
            return ToSettings(updated!);
        }, cancellationToken);

    /// <summary>The cell's meetings: no recording, no transcription, and everyone not invited waits in the lobby.</summary>
    public async Task<MeetingSettings> ApplyConfidentialMeetingSettingsAsync(string organizerUserId, string joinUrl, CancellationToken cancellationToken)
    {
        var current = await GetMeetingSettingsAsync(organizerUserId, joinUrl, cancellationToken);
        return await UpdateMeetingSettingsAsync(organizerUserId, current.MeetingId, false, false, LobbyScope.Invited, cancellationToken);
    }

    // ---------------------------------------------------------------- batch

    /// <summary>
    /// Sends the steps as Graph JSON batches of at most 20 (dependsOn must stay within a group of 20). A step Graph
    /// throttled (429) is sent again after its Retry-After, up to <see cref="GraphGatewayOptions.ThrottledBatchRetries"/>
    /// times, together with the steps that failed only because they depended on it.
    /// </summary>
    public async Task<IReadOnlyList<GraphBatchOutcome>> BatchAsync(IReadOnlyList<GraphBatchStep> steps, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<string, GraphBatchOutcome>(StringComparer.Ordinal);
        foreach (var chunk in steps.Chunk(MaxBatchSize))
        {
            var ids = chunk.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            if (chunk.SelectMany(s => s.DependsOn ?? []).FirstOrDefault(d => !ids.Contains(d)) is { } outside)
            {
                throw new ArgumentException($"Batch step dependency '{outside}' is not in the same group of {MaxBatchSize}.", nameof(steps));
            }

            var pending = chunk.ToList();
            for (var attempt = 1; pending.Count > 0; attempt++)
            {
                var sent = await SendBatchAsync(pending, cancellationToken);
                foreach (var outcome in sent)
                {
                    outcomes[outcome.Id] = outcome;
                }

                var throttled = sent.Where(o => o.Status == 429).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
                GraphLog.BatchSent(_logger, pending.Count, sent.Count(o => !o.Succeeded), throttled.Count, attempt);
                if (throttled.Count == 0 || attempt > _options.ThrottledBatchRetries)
                {
                    break;
                }

                // Steps that only failed because a throttled step they depend on did not run go again too.
                var again = new HashSet<string>(throttled, StringComparer.Ordinal);
                bool grew;
                do
                {
                    grew = false;
                    foreach (var step in pending.Where(s => !again.Contains(s.Id) && outcomes[s.Id].Status == 424 && (s.DependsOn ?? []).Any(again.Contains)))
                    {
                        grew |= again.Add(step.Id);
                    }
                }
                while (grew);

                var wait = sent.Where(o => throttled.Contains(o.Id)).Select(o => o.RetryAfter ?? TimeSpan.FromSeconds(1)).Max();
                await Task.Delay(wait, _time, cancellationToken);
                pending = [.. pending.Where(s => again.Contains(s.Id)).Select(s => s with { DependsOn = [.. (s.DependsOn ?? []).Where(again.Contains)] })];
            }
        }

        return [.. steps.Select(s => outcomes[s.Id])];
    }

    private Task<List<GraphBatchOutcome>> SendBatchAsync(IReadOnlyList<GraphBatchStep> steps, CancellationToken cancellationToken) =>
        CallAsync("batch", async () =>
        {
            var requestSteps = steps.Select(step =>
            {
                var message = new HttpRequestMessage(step.Method, new Uri(_batchRoot, step.RelativeUrl.TrimStart('/')));
                if (step.Body is not null)
                {
                    message.Content = new StringContent(step.Body.ToJsonString(), Encoding.UTF8, "application/json");
                }

                return new BatchRequestStep(step.Id, message, step.DependsOn is { Count: > 0 } d ? [.. d] : null);
            }).ToArray();
            var content = new BatchRequestContentCollection(_client.Value, MaxBatchSize);
            foreach (var requestStep in requestSteps)
            {
                content.AddBatchRequestStep(requestStep);
            }

            var response = await _client.Value.Batch.PostAsync(content, cancellationToken);
            var result = new List<GraphBatchOutcome>();
            foreach (var step in steps)
            {
                using var answer = await response.GetResponseByIdAsync(step.Id);
                if (answer is null)
                {
                    result.Add(new GraphBatchOutcome(step.Id, 0, null, GraphFailure.Transient, "NoResponse", null));
                    continue;
                }

                var text = answer.Content is null ? "" : await answer.Content.ReadAsStringAsync(cancellationToken);
                JsonNode? body = null;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    try
                    {
                        body = JsonNode.Parse(text);
                    }
                    catch (JsonException)
                    {
                        body = null;
                    }
                }

                var status = (int)answer.StatusCode;
                var retryAfter = answer.Headers.RetryAfter?.Delta;
                var code = Str(body?["error"], "code");
                var failure = status is >= 200 and < 300 ? (GraphFailure?)null : status == 424 ? GraphFailure.BadRequest : Kind(status, Str(body?["error"], "message"));
                result.Add(new GraphBatchOutcome(step.Id, status, body, failure, code, retryAfter));
            }

            return result;
        }, cancellationToken);

    // ---------------------------------------------------------------- mapping

    private async Task<T> CallAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (GraphGatewayException)
        {
            throw;
        }
        catch (Exception e) when (Translate(e, operation, cancellationToken) is { } failure)
        {
            GraphLog.CallFailed(_logger, operation, failure.Kind, failure.Status, failure.GraphCode);
            throw failure;
        }
    }

    private static GraphGatewayException? Translate(Exception e, string operation, CancellationToken cancellationToken) => e switch
    {
        ODataError odata => FromStatus(operation, odata.ResponseStatusCode, odata.Error?.Code, odata.Error?.Message, RetryAfter(odata.ResponseHeaders), odata),

        // The SDK's retry handler gives up on a 429 (or 503) with an AggregateException around an ApiException.
        AggregateException aggregate when aggregate.Flatten().InnerExceptions.OfType<ApiException>().LastOrDefault() is { } last =>
            FromStatus(operation, last.ResponseStatusCode, (last as ODataError)?.Error?.Code, null, RetryAfter(last.ResponseHeaders), aggregate),
        ApiException api => FromStatus(operation, api.ResponseStatusCode, null, null, RetryAfter(api.ResponseHeaders), api),
        // The person's token could not be exchanged (expired, not for this app, consent missing): not retryable.
        AppTokenException { Error: "invalid_grant" or "invalid_scope" or "consent_required" or "interaction_required" } token =>
            new GraphGatewayException(GraphFailure.Forbidden, operation, null, token.Error, null, e),
        HttpRequestException or TimeoutException or AppTokenException or IOException =>
            new GraphGatewayException(GraphFailure.Transient, operation, null, null, null, e),
        OperationCanceledException when !cancellationToken.IsCancellationRequested =>
            new GraphGatewayException(GraphFailure.Transient, operation, null, "Timeout", null, e),
        _ => null,
    };

    private static GraphGatewayException FromStatus(string operation, int status, string? code, string? message, TimeSpan? retryAfter, Exception inner) =>
        new(Kind(status, message), operation, status, code, retryAfter, inner);

    private static GraphFailure Kind(int status, string? message) => status switch
    {
        400 when message is not null && (message.Contains("already existed", StringComparison.OrdinalIgnoreCase)
            || message.Contains("already exists", StringComparison.OrdinalIgnoreCase)) => GraphFailure.NameTaken,
        401 => GraphFailure.Unauthorized,
        403 => GraphFailure.Forbidden,
        404 => GraphFailure.NotFound,
        409 => GraphFailure.Conflict,
        429 => GraphFailure.Throttled,
        408 or >= 500 => GraphFailure.Transient,
        _ => GraphFailure.BadRequest,
    };

    private static TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers)
    {
        var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
    }

    private AadUserConversationMember NewMember(string userId, bool owner) => new()
    {
        OdataType = MemberODataType,
        Roles = owner ? ["owner"] : [],
        AdditionalData = new Dictionary<string, object> { ["user@odata.bind"] = UserBind(userId) },
    };

    private JsonObject MemberJson(string userId, bool owner) => new()
    {
        ["@odata.type"] = MemberODataType,
        ["roles"] = owner ? new JsonArray("owner") : [],
        ["user@odata.bind"] = UserBind(userId),
    };

    private string UserBind(string userId) => $"{_baseUrl}/users('{userId}')";

    private static TenantUser ToUser(User user) =>
        new(user.Id ?? "", user.DisplayName ?? "", user.UserPrincipalName, user.Mail, user.PreferredLanguage, user.JobTitle);

    private static Membership ToMembership(ConversationMember member) => new(
        member.Id ?? "",
        (member as AadUserConversationMember)?.UserId ?? "",
        member.Roles?.Contains("owner", StringComparer.OrdinalIgnoreCase) == true);

    private static TeamChannel ToChannel(string teamId, Channel channel) => new(
        teamId,
        channel.Id ?? "",
        channel.DisplayName ?? "",
        channel.MembershipType switch
        {
            ChannelMembershipType.Private => ChannelKind.Private,
            ChannelMembershipType.Shared => ChannelKind.Shared,
            _ => ChannelKind.Standard,
        },
        channel.WebUrl);

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
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_options.CalendarTimeZone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return new DateTimeTimeZone
        {
            DateTime = local.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            TimeZone = _options.CalendarTimeZone,
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
            RecurrenceTimeZone = _options.CalendarTimeZone,
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

    private static MeetingSettings ToSettings(OnlineMeeting meeting) => new(
        meeting.Id ?? "",
        meeting.AllowRecording ?? true,
        meeting.AllowTranscription ?? true,
        meeting.LobbyBypassSettings?.Scope switch
        {
            LobbyBypassScope.Organizer => LobbyScope.Organizer,
            LobbyBypassScope.Invited => LobbyScope.Invited,
            LobbyBypassScope.OrganizationExcludingGuests => LobbyScope.OrganizationExcludingGuests,
            LobbyBypassScope.OrganizationAndFederated => LobbyScope.OrganizationAndFederated,
            LobbyBypassScope.Everyone => LobbyScope.Everyone,
            _ => LobbyScope.Organization,
        });

    private static LobbyBypassScope ToGraph(LobbyScope scope) => scope switch
    {
        LobbyScope.Organizer => LobbyBypassScope.Organizer,
        LobbyScope.Invited => LobbyBypassScope.Invited,
        LobbyScope.OrganizationExcludingGuests => LobbyBypassScope.OrganizationExcludingGuests,
        LobbyScope.OrganizationAndFederated => LobbyBypassScope.OrganizationAndFederated,
        LobbyScope.Everyone => LobbyBypassScope.Everyone,
        _ => LobbyBypassScope.Organization,
    };

    private static bool IsOwnerJson(JsonObject member) =>
        (member["roles"] as JsonArray ?? []).Any(r => string.Equals(r?.GetValue<string>(), "owner", StringComparison.OrdinalIgnoreCase));

    private static string? Str(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool SameId(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"operations(?:\('(?<id>[^']+)'\)|/(?<id>[^/?]+))", RegexOptions.IgnoreCase)]
    private static partial Regex OperationIdPattern();
}
