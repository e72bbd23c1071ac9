using System.Security.Claims;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Meetings;

/// <summary>
/// Meetings: registration and the tab's JSON API under <c>/api/meetings</c> (directory members; scheduling for the
/// coordination; the meeting's attendees and each situation's need-to-know list checked by <see cref="MeetingService"/>).
/// Refusals are ProblemDetails with French titles.
/// </summary>
public static class MeetingEndpoints
{
    public static IHostApplicationBuilder AddMeetings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MeetingsOptions>().BindConfiguration(MeetingsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<MeetingService>();
        builder.Services.AddScoped<DueAgendaItems>();
        builder.Services.AddScoped<AgendaProposals>();
        builder.Services.AddScoped<MeetingPersonRecords>();
        builder.Services.AddScoped<MeetingNotices>();
        builder.Services.AddScoped<PoliceFeedbackService>();
        builder.Services.AddScoped<MinutesExport>();
        builder.Services.AddScoped<NextMeetingReply>();
        builder.Services.AddScoped<Bot.IBotCommand, NextMeetingCommand>();
        builder.Services.AddScoped<Bot.IBotCommand, PlatformCommand>();
        builder.Services.AddScoped<Bot.IBotCommand, ScheduleMeetingCommand>();
        builder.Services.AddCardActionHandler<MeetingCardActionHandler>();
        builder.Services.AddHostedService<MeetingWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/meetings").WithTags("Meetings").RequireAuthorization(DirectoryPolicies.Member);
        api.MapGet("", (ClaimsPrincipal user, CurrentPerson me, MeetingService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.ListAsync(p, ct)), ct));
        api.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, CurrentPerson me, MeetingService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.GetAsync(p, id, ct)), ct));
        api.MapPost("", (MeetingInput input, ClaimsPrincipal user, CurrentPerson me, MeetingService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p =>
            {
                var created = await s.ScheduleAsync(p, input, ct);
                return TypedResults.Created($"/api/meetings/{created.Id}", created);
            }, ct)).RequireAuthorization(DirectoryPolicies.Coordination);
        api.MapPut("/{id:guid}", (Guid id, MeetingInput input, ClaimsPrincipal user, CurrentPerson me, MeetingService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.RescheduleAsync(p, id, input, ct)), ct)).RequireAuthorization(DirectoryPolicies.Coordination);
        api.MapDelete("/{id:guid}", (Guid id, ClaimsPrincipal user, CurrentPerson me, MeetingService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.CancelAsync(p, id, ct)), ct)).RequireAuthorization(DirectoryPolicies.Coordination);
        api.MapPost("/{id:guid}/retry", (Guid id, ClaimsPrincipal user, CurrentPerson me, MeetingService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.RetryAsync(p, id, ct)), ct)).RequireAuthorization(DirectoryPolicies.Coordination);
        api.MapGet("/{id:guid}/responses", (Guid id, ClaimsPrincipal user, CurrentPerson me, MeetingService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.GetResponsesAsync(p, id, ct)), ct)).RequireAuthorization(DirectoryPolicies.Coordination);
        api.MapGet("/{id:guid}/agenda", (Guid id, ClaimsPrincipal user, CurrentPerson me, MeetingService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.GetAgendaAsync(p, id, ct)), ct));
        api.MapPost("/{id:guid}/agenda", (Guid id, AgendaItemInput input, ClaimsPrincipal user, CurrentPerson me, MeetingService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.AddItemAsync(p, id, input.Code, ct)), ct));
        api.MapGet("/{id:guid}/agenda/proposal", (Guid id, ClaimsPrincipal user, CurrentPerson me, AgendaProposals s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.ProposeAsync(p, id, ct)), ct));
        api.MapPost("/{id:guid}/agenda/proposal", (Guid id, ClaimsPrincipal user, CurrentPerson me, AgendaProposals s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.AcceptAsync(p, id, ct)), ct));
        api.MapPut("/{id:guid}/agenda/{itemId:guid}/attendance", (Guid id, Guid itemId, AttendanceInput input, ClaimsPrincipal user, CurrentPerson me, MeetingService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.SetAttendanceAsync(p, id, itemId, input.Present, ct)), ct));
        api.MapPut("/{id:guid}/agenda/{itemId:guid}/minutes", (Guid id, Guid itemId, MinutesInput input, ClaimsPrincipal user, CurrentPerson me, MeetingService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.SaveMinutesAsync(p, id, itemId, input, ct)), ct));
        api.MapGet("/{id:guid}/agenda/{itemId:guid}/minutes", (Guid id, Guid itemId, ClaimsPrincipal user, CurrentPerson me, MeetingService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.GetMinutesAsync(p, id, itemId, ct)), ct));
        api.MapPost("/{id:guid}/secrecy", (Guid id, ClaimsPrincipal user, CurrentPerson me, MeetingService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.AcknowledgeSecrecyAsync(p, id, ct)), ct));
        api.MapGet("/{id:guid}/agenda/{itemId:guid}/police-feedback", (Guid id, Guid itemId, ClaimsPrincipal user, CurrentPerson me, PoliceFeedbackService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.GetAsync(p, id, itemId, ct)), ct));
        api.MapPut("/{id:guid}/agenda/{itemId:guid}/police-feedback", (Guid id, Guid itemId, PoliceFeedbackInput input, ClaimsPrincipal user, CurrentPerson me, PoliceFeedbackService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.SaveAsync(p, id, itemId, input, ct)), ct));
        api.MapGet("/{id:guid}/minutes/export", (Guid id, HttpContext http, ClaimsPrincipal user, CurrentPerson me, MinutesExport s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p =>
            {
                var html = await s.ExportAsync(p, id, ct);
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.Pragma = "no-cache";
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.Content(html, "text/html; charset=utf-8");
            }, ct)).Produces<string>(StatusCodes.Status200OK, "text/html");
        api.MapGet("/{id:guid}/notices", (Guid id, ClaimsPrincipal user, CurrentPerson me, MeetingService s, MeetingNotices notices, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p =>
            {
                await s.GetAsync(p, id, ct);
                return TypedResults.Ok(await notices.ListAsync(id, ct));
            }, ct)).RequireAuthorization(DirectoryPolicies.Coordination);
        return endpoints;
    }
}

/// <summary>A meeting to schedule or reschedule. Attendees are directory ids; the coordinator is always one.</summary>
public sealed record MeetingInput(MeetingKind? Kind, DateTimeOffset? StartAt, DateTimeOffset? EndAt, IReadOnlyList<Guid>? AttendeeIds, int? Occurrences);

public sealed record MeetingView(
    Guid Id,
    MeetingKind Kind,
    MeetingStatus Status,
    DateTimeOffset StartAt,
    DateTimeOffset EndAt,
    int? Occurrences,
    string? JoinUrl,
    MeetingSyncState SyncState,
    string? SyncProblem,
    IReadOnlyList<Guid> AttendeeIds,
    string? SyncFailure,
    int SyncAttempts,
    DateTimeOffset? NextSyncAt);

/// <summary>
/// An agenda line: the situation code when the caller is on its need-to-know list, otherwise "Point réservé" in the
/// caller's directory language (<see cref="MeetingTexts.RestrictedItem"/>; the tab shows its own text for it).
/// <paramref name="MayAttend"/>: for whoever records attendance, the attendees who may be present for this item (they
/// see its situation); null otherwise.
/// </summary>
public sealed record AgendaItemView(Guid Id, bool Restricted, string Label, MeetingItemSource? Source, bool Present, bool HasMinutes, IReadOnlyList<Guid>? MayAttend = null);

public sealed record AgendaView(Guid MeetingId, MeetingKind Kind, IReadOnlyList<AgendaItemView> Items);

public sealed record AgendaItemInput(string? Code);

public sealed record AttendanceInput(IReadOnlyList<Guid>? Present);

/// <summary>An attendee's answer in Outlook (None, Organizer, TentativelyAccepted, Accepted, Declined, NotResponded) and whether they acknowledged the secrecy duty for this meeting.</summary>
public sealed record AttendeeResponseView(Guid PersonId, string Response, DateTimeOffset? RespondedAt, bool SecrecyAcknowledged);

public sealed record SecrecyView(Guid MeetingId, DateTimeOffset AcknowledgedAt);

public sealed record MinutesActionInput(string? Description, Guid? OwnerOrganisationId, DateOnly? DueDate);

/// <summary>Decision minutes of an item: a decision record, not verbatim notes.</summary>
public sealed record MinutesInput(
    string? Decision, bool? Consensus, DateTimeOffset? NextReviewAt, IReadOnlyList<MinutesActionInput>? Actions, bool PersonalDataConfirmed = false);

public sealed record MinutesActionView(Guid Id, string Description, Guid OwnerOrganisationId, DateOnly DueDate);

public sealed record MinutesView(
    Guid ItemId, string SituationCode, string? Decision, bool? Consensus, DateTimeOffset? NextReviewAt,
    IReadOnlyList<MinutesActionView> Actions, IReadOnlyList<Guid> Present, DateTimeOffset? MinutesAt);

/// <summary>A reminder (to <paramref name="PersonId"/>) or the channel's agenda card (no person) for one occurrence, and where its sending stands.</summary>
public sealed record MeetingNoticeView(
    MeetingNoticeKind Kind, Guid? PersonId, DateTimeOffset OccurrenceStart, MeetingNoticeStatus Status, int Attempts, DateTimeOffset? SentAt, string? Failure);

/// <summary>The police feedback form: <paramref name="NothingUnderSecrecy"/> must be true; <paramref name="Version"/> (optional) guards against overwriting a newer form.</summary>
public sealed record PoliceFeedbackInput(string? Text, bool? NothingUnderSecrecy, int? Version);

/// <summary>
/// An item's police feedback form: <paramref name="ConsensusRecorded"/> tells whether it may be written at all,
/// <paramref name="CanWrite"/> whether the caller may write it; <paramref name="Text"/> is null while none exists.
/// </summary>
public sealed record PoliceFeedbackView(
    Guid ItemId, string SituationCode, bool ConsensusRecorded, bool CanWrite, string? Text, bool NothingUnderSecrecyConfirmed,
    Guid? AuthorId, DateTimeOffset? SavedAt, int Version);

/// <summary>The next occurrence of a meeting for the bot's answer.</summary>
public sealed record NextMeeting(Guid MeetingId, MeetingKind Kind, DateTimeOffset Start, DateTimeOffset End, string? JoinUrl);
