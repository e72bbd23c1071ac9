using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Situations: registration and the tab's JSON API under <c>/api/situations</c> (any directory member; the
/// need-to-know list and the role are checked on every call by <see cref="SituationService"/>). Refusals are
/// ProblemDetails with French titles: 404 off the list, 403 wrong role, 409 wrong state, 400 bad input; 422 for free
/// text that looks personal, unconfirmed (<see cref="PersonalData.PersonalDataWarning"/>, in the writer's language).
/// </summary>
public static class SituationEndpoints
{
    public static IHostApplicationBuilder AddSituations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SituationsOptions>().BindConfiguration(SituationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SituationsOptions>, SituationsOptionsValidation>();
        services.AddSingleton<IdentityProtector>();
        services.AddScoped<Sealing.IResealSource, IdentityRows>();
        services.AddScoped<SituationService>();
        services.AddScoped<DueReviews>();
        services.AddScoped<SituationPersonRecords>();
        services.AddScoped<Data.IDatabaseStartupTask, DemoSituationsSeed>();
        services.AddScoped<Alerts.INeedToKnowLists, SituationNeedToKnowLists>();
        services.AddScoped<SituationNotifier>();
        services.AddScoped<SituationChannels>();
        services.AddScoped<CellTeamMembers>();
        services.AddSingleton<SignalDrafts>();
        services.AddScoped<RetentionPurge>();
        services.AddHostedService<SituationWorker>();
        services.AddScoped<Bot.IBotCommand, ReportSignalCommand>();
        services.AddScoped<Bot.IBotCommand, MySituationsCommand>();
        services.AddScoped<Bot.IBotCommand, SituationStatusCommand>();
        services.AddCardActionHandler<ReportSignalCardHandler>();
        services.AddScoped<SituationSearch>();
        services.AddMessageExtensionHandler<SituationMessageExtension>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSituations(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/situations").WithTags("Situations").RequireAuthorization(DirectoryPolicies.Member);
        api.MapGet("", (ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.ListAsync(p, ct)), ct));
        api.MapGet("/indicators", (SituationService s) => TypedResults.Ok(new IndicatorChecklist(s.IndicatorsAreExample, s.Indicators)));
        api.MapPost("", (SignalInput input, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p =>
            {
                var created = await s.ReportAsync(p, input, ct);
                return TypedResults.Created($"/api/situations/{created.Code}", created);
            }, ct));
        api.MapGet("/{code}", (string code, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.GetAsync(p, code, ct)), ct));
        api.MapPost("/{code}/screening", (string code, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.StartScreeningAsync(p, code, ct)), ct));
        api.MapPost("/{code}/inclusion", (string code, InclusionInput input, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.IncludeAsync(p, code, input.NextReviewAt, ct)), ct));
        api.MapPost("/{code}/decline", (string code, DeclineInput input, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.DeclineAsync(p, code, input.ReferredTo, ct)), ct));
        api.MapPost("/{code}/actions", (string code, ActionInput input, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.AddActionAsync(p, code, input, ct)), ct));
        api.MapPut("/{code}/actions/{actionId:guid}", (string code, Guid actionId, ActionStatusInput input, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.UpdateActionAsync(p, code, actionId, input.Status, ct)), ct));
        api.MapPost("/{code}/reviews", (string code, ReviewInput input, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.RecordReviewAsync(p, code, input, ct)), ct));
        api.MapPost("/{code}/closure", (string code, ClosureInput input, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.CloseAsync(p, code, input.Reason, input.PersonalDataConfirmed, ct)), ct));
        api.MapPost("/{code}/channel", (string code, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.RequestChannelAsync(p, code, ct)), ct));
        api.MapPost("/{code}/need-to-know", (string code, GrantInput input, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.GrantAsync(p, code, input.PersonId, input.ExpiresAt, ct)), ct));
        api.MapDelete("/{code}/need-to-know/{personId:guid}", (string code, Guid personId, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.RevokeAsync(p, code, personId, ct)), ct));
        api.MapPost("/{code}/break-glass", (string code, ReasonInput input, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.BreakGlassAsync(p, code, input.Reason, ct)), ct));
        api.MapPut("/{code}/identity", (string code, Dictionary<string, string?> fields, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.SetIdentityAsync(p, code, fields, ct)), ct));
        api.MapPost("/{code}/identity/reveal", (string code, ReasonInput input, ClaimsPrincipal user, CurrentPerson me, SituationService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.RevealIdentityAsync(p, code, input.Reason, ct)), ct));
        return endpoints;
    }
}

/// <summary>A situation as lists show it (metadata, plus what the caller may see).</summary>
public sealed record SituationSummary(
    string Code,
    SituationStatus Status,
    string Access,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextReviewAt,
    bool ReviewOverdue,
    DateTimeOffset? NextAfterCareAt,
    bool AfterCareOverdue,
    ChannelState Channel);

/// <summary>
/// One situation; content fields are null for metadata-only access (Admin, DPO). <see cref="ChannelLink"/>: the Teams
/// deep link to its private channel once it exists (the channel's name is the code, never a name).
/// </summary>
public sealed record SituationDetail(
    SituationSummary Summary,
    Guid? SourceOrganisationId,
    DateOnly? SignalDate,
    string? SignalText,
    IReadOnlyList<IndicatorView>? Indicators,
    Guid? ReferentId,
    string? ReferredTo,
    DateTimeOffset? ClosedAt,
    string? ClosureReason,
    IReadOnlyList<ActionView>? Actions,
    IReadOnlyList<ReviewView>? Reviews,
    IReadOnlyList<NeedToKnowView>? NeedToKnow,
    IReadOnlyList<IdentityFieldView>? Identity,
    string? ChannelProblem,
    string? ChannelLink = null);

public sealed record IndicatorView(string Key, string Label, string Evidence, Guid ObservedBy, DateTimeOffset RecordedAt);

public sealed record ActionView(Guid Id, string Description, Guid OwnerOrganisationId, DateOnly DueDate, ActionStatus Status, bool Overdue);

public sealed record ReviewView(Guid Id, ReviewKind Kind, DateTimeOffset HeldAt, Guid ReviewedBy, string? Notes, DateTimeOffset? NextReviewAt);

public sealed record NeedToKnowView(Guid PersonId, DateTimeOffset GrantedAt, DateTimeOffset? ExpiresAt, bool BreakGlass, bool Expired);

/// <summary>A tagged personal field: masked (<c>••••••</c>) unless revealed.</summary>
public sealed record IdentityFieldView(string Key, FieldCategory Category, string Label, bool Present, string? Value);

public sealed record IndicatorChecklist(bool IsExampleToReplace, IReadOnlyList<AlertIndicator> Indicators);

public sealed record ObservedIndicator(string? Key, string? Evidence);

/// <summary>
/// A signal; nothing is mandatory (partners are never obliged to contribute). Identity goes in <see cref="Identity"/>
/// (sealed); free text that looks personal is answered 422 unless <see cref="PersonalDataConfirmed"/>.
/// </summary>
public sealed record SignalInput(
    Guid? SourceOrganisationId, DateOnly? SignalDate, IReadOnlyList<ObservedIndicator>? Indicators, string? Text, Dictionary<string, string?>? Identity,
    bool PersonalDataConfirmed = false);

public sealed record InclusionInput(DateTimeOffset? NextReviewAt);

public sealed record DeclineInput(string? ReferredTo);

public sealed record ActionInput(string? Description, Guid? OwnerOrganisationId, DateOnly? DueDate, bool PersonalDataConfirmed = false);

public sealed record ActionStatusInput(ActionStatus Status);

public sealed record ReviewInput(string? Notes, DateTimeOffset? NextReviewAt, bool PersonalDataConfirmed = false);

public sealed record ClosureInput(string? Reason, bool PersonalDataConfirmed = false);

public sealed record GrantInput(Guid PersonId, DateTimeOffset? ExpiresAt);

public sealed record ReasonInput(string? Reason);

/// <summary>
/// A situation as its subject-access export shows it: the whole detail with the sealed fields opened, and when it was
/// decided and is due to be purged (<see cref="SituationService.SubjectAccessAsync"/>).
/// </summary>
public sealed record SituationSubjectRecord(SituationDetail Detail, DateTimeOffset? DecidedAt, DateTimeOffset? RetentionUntil, Guid ReportedBy);
