using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Hosting;
using TeamsPrevention.App.PersonalData;

namespace TeamsPrevention.App.Alerts;

/// <summary>Alerts: registration, the tab's API under <c>/api/alerts</c> (every view audited), the bot's commands and card actions.</summary>
public static class AlertEndpoints
{
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.OfficeOpens < o.OfficeCloses, "Alerts:OfficeOpens must be before Alerts:OfficeCloses.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Alerts:TimeZone is not a known time zone.")
            .ValidateOnStart();
        services.AddSingleton<WorkingCalendar>();
        services.AddSingleton<AlertCards>();
        services.AddSingleton<AlertWriteGate>();
        services.AddSingleton<AnswerPriority>();
        services.AddSingleton<AlertCardViews>();
        services.AddSingleton<AlertAnswerWriter>();
        services.TryAddScoped<INeedToKnowLists, NoNeedToKnowLists>();
        services.AddScoped<AlertService>();
        services.AddScoped<Data.IDatabaseStartupTask, DemoAlertsSeed>();
        services.AddScoped<AlertPersonRecords>();
        services.AddScoped<AlertSender>();
        services.AddScoped<AlertEscalator>();
        services.AddScoped<AlertTracker>();
        services.AddScoped<AlertEscalationNotes>();
        services.AddScoped<ReceivedAlerts>();
        services.AddCardActionHandler<AlertCardActionHandler>();
        services.AddCardActionHandler<AlertRefreshHandler>();
        services.AddScoped<IBotCommand, AlertCommand>();
        services.AddScoped<IBotCommand, MyAlertsCommand>();
        services.AddSingleton<AlertWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertWorker>());
        services.AddAuthorizationBuilder().AddPolicy(AlertSenders.Policy, p => p.AddRequirements(new DirectoryRoleRequirement(AlertSenders.Roles)));
        return builder;
    }

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/alerts").WithTags("Alerts").RequireAuthorization(DirectoryPolicies.Member);
        api.MapPost("", CreateAsync).RequireAuthorization(AlertSenders.Policy);
        api.MapGet("", ListAsync);
        api.MapGet("/pending", PendingAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapGet("/{id:guid}/export", ExportAsync);
        api.MapPost("/{id:guid}/answer", AnswerAsync);
        api.MapPost("/{id:guid}/withdraw", WithdrawAsync);
        api.MapAlertTabEndpoints();
        return endpoints;
    }

    private static async Task<Results<Created<CreatedAlert>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> CreateAsync(
        CreateAlertRequest request, ClaimsPrincipal user, CurrentPerson current, AlertService alerts, TimeProvider time, CancellationToken ct)
    {
        if (await current.GetAsync(user, ct) is not { } sender)
        {
            return TypedResults.Forbid();
        }

        // Enums arrive as names or numbers: a number that names no member is refused here, by field.
        var language = Languages.FromTag(sender.PreferredLanguage);
        if (!Enum.IsDefined(request.Severity) || !Enum.IsDefined(request.Category))
        {
            var errors = new Dictionary<string, string[]>();
            if (!Enum.IsDefined(request.Severity))
            {
                errors["severity"] = [AlertRefusalTexts.UnknownSeverity(language)];
            }

            if (!Enum.IsDefined(request.Category))
            {
                errors["category"] = [InputTexts.Expected(Enum.GetNames<AlertCategory>(), language)];
            }

            return TypedResults.ValidationProblem(errors, title: AlertRefusalTexts.Title(language));
        }

        try
        {
            // The message is read by every recipient: no name in it unless the sender saw the warning and confirmed.
            PersonalDataCheck.For(time).Add("message", request.Message)
                .ThrowUnlessConfirmed(request.PersonalDataConfirmed, Languages.FromTag(sender.PreferredLanguage));
            var draft = new AlertDraft(request.Severity, request.Category, request.Message ?? "", request.SituationCode,
                request.People, request.Organisations, request.Roles, request.NeedToKnow);
            var alert = await alerts.CreateAsync(sender, draft, ct);
            return TypedResults.Created($"/api/alerts/{alert.Id}", new CreatedAlert(alert.Id, alert.Reference, alert.Deadline));
        }
        catch (AlertValidationException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["alert"] = [e.Message] }, title: AlertRefusalTexts.Title(e.Language));
        }
        catch (PersonalDataWarning warning)
        {
            return TypedResults.Problem(warning.ToProblemDetails());
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<AlertTracking>>, ForbidHttpResult>> ListAsync(
        ClaimsPrincipal user, CurrentPerson current, AlertTracker tracker, AuditLog audit, CancellationToken ct)
    {
        if (await current.GetAsync(user, ct) is not { } person)
        {
            return TypedResults.Forbid();
        }

        var list = await tracker.ListAsync(person, 100, ct);
        await audit.RecordAsync(new AuditRecord(person.EntraObjectId.ToString(), AlertService.RoleOf(person), AuditAction.View, null, "AlertList", null, "alert tracking list"), ct);
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<IReadOnlyList<PendingAlert>>, ForbidHttpResult>> PendingAsync(
        ClaimsPrincipal user, CurrentPerson current, AlertService alerts, AuditLog audit, CancellationToken ct)
    {
        if (await current.GetAsync(user, ct) is not { } person)
        {
            return TypedResults.Forbid();
        }

        var pending = await alerts.PendingForAsync(person, ct);
        await audit.RecordAsync(new AuditRecord(person.EntraObjectId.ToString(), AlertService.RoleOf(person), AuditAction.View, null, "AlertList", null, "alerts awaiting my answer"), ct);
        return TypedResults.Ok<IReadOnlyList<PendingAlert>>([.. pending.Select(a => new PendingAlert(a.Id, a.Reference, a.Severity, a.Category, a.SituationCode, a.Message, a.Deadline))]);
    }

    private static async Task<Results<Ok<AlertTracking>, Ok<RecipientAlertView>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal user, CurrentPerson current, AlertTracker tracker, AlertService alerts, AuditLog audit, CancellationToken ct)
    {
        var person = await current.GetAsync(user, ct);
        var alert = await tracker.FindAsync(id, ct);
        if (person is null || alert is null)
        {
            return TypedResults.NotFound();
        }

        if (AlertTracker.MayTrack(alert, person))
        {
            var content = await tracker.MaySeeContentAsync(alert, person, ct);
            var tracking = await tracker.BuildAsync(alert, content, ct);
            await AuditViewAsync(audit, person, alert, content ? "alert tracking" : "alert tracking (metadata only)", AuditOutcome.Success, ct);
            return TypedResults.Ok(tracking);
        }

        var mine = await alerts.AnswerableAsync(id, person, ct);
        if (mine.Count == 0)
        {
            await AuditViewAsync(audit, person, alert, "alert view refused: not a recipient", AuditOutcome.Denied, ct);
            return TypedResults.NotFound();
        }

        await AuditViewAsync(audit, person, alert, "alert read by a recipient", AuditOutcome.Success, ct);
        var answered = mine.FirstOrDefault(r => r.Answer is not null);
        return TypedResults.Ok(new RecipientAlertView(
            alert.Id, alert.Reference, alert.Severity, alert.Category, alert.SituationCode, alert.Message, alert.Deadline,
            alert.WithdrawnAt, answered?.Answer, answered?.AnsweredAt));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(
        Guid id, string? lang, ClaimsPrincipal user, CurrentPerson current, AlertTracker tracker, AuditLog audit, CancellationToken ct)
    {
        var person = await current.GetAsync(user, ct);
        var alert = await tracker.FindAsync(id, ct);
        if (person is null || alert is null)
        {
            return TypedResults.NotFound();
        }

        if (!AlertTracker.MayTrack(alert, person))
        {
            await audit.RecordAsync(new AuditRecord(person.EntraObjectId.ToString(), AlertService.RoleOf(person), AuditAction.Export, alert.SituationCode, "Alert", alert.Id.ToString(), "alert export refused", AuditOutcome.Denied), ct);
            return TypedResults.NotFound();
        }

        // The page's language when the tab names it (its language menu), otherwise the person's directory language.
        var language = Languages.FromTag(string.IsNullOrWhiteSpace(lang) ? person.PreferredLanguage : lang);
        var csv = tracker.ToCsv(await tracker.BuildAsync(alert, await tracker.MaySeeContentAsync(alert, person, ct), ct), language);
        await audit.RecordAsync(new AuditRecord(person.EntraObjectId.ToString(), AlertService.RoleOf(person), AuditAction.Export, alert.SituationCode, "Alert", alert.Id.ToString(), "alert tracking export"), ct);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"alerte-{alert.Reference}.csv");
    }

    private static async Task<Results<Ok<AnswerResponse>, NotFound, Conflict<AnswerResponse>>> AnswerAsync(
        Guid id, AnswerRequest request, ClaimsPrincipal user, CurrentPerson current, AlertService alerts, CancellationToken ct)
    {
        if (await current.GetAsync(user, ct) is not { } person)
        {
            return TypedResults.NotFound();
        }

        var outcome = (await alerts.AnswerAsync(id, person, request.Answer, ct)).Outcome;
        return outcome switch
        {
            AnswerOutcome.Recorded or AnswerOutcome.AlreadyAnswered => TypedResults.Ok(new AnswerResponse(outcome)),
            AnswerOutcome.Withdrawn => TypedResults.Conflict(new AnswerResponse(outcome)),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<NoContent, NotFound>> WithdrawAsync(
        Guid id, ClaimsPrincipal user, CurrentPerson current, AlertService alerts, CancellationToken ct) =>
        await current.GetAsync(user, ct) is { } person && await alerts.WithdrawAsync(id, person, ct)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    private static Task AuditViewAsync(AuditLog audit, DirectoryPerson person, Alert alert, string purpose, AuditOutcome outcome, CancellationToken ct) =>
        audit.RecordAsync(new AuditRecord(person.EntraObjectId.ToString(), AlertService.RoleOf(person), outcome == AuditOutcome.Denied ? AuditAction.Denied : AuditAction.View,
            alert.SituationCode, "Alert", alert.Id.ToString(), purpose, outcome), ct);

    public sealed record CreateAlertRequest(
        AlertSeverity Severity,
        AlertCategory Category,
        string? Message,
        string? SituationCode,
        IReadOnlyList<Guid>? People,
        IReadOnlyList<Guid>? Organisations,
        IReadOnlyList<DirectoryRole>? Roles,
        bool NeedToKnow = false,
        bool PersonalDataConfirmed = false);

    public sealed record CreatedAlert(Guid Id, string Reference, DateTimeOffset Deadline);

    public sealed record PendingAlert(Guid Id, string Reference, AlertSeverity Severity, AlertCategory Category, string? SituationCode, string Message, DateTimeOffset Deadline);

    public sealed record RecipientAlertView(
        Guid Id, string Reference, AlertSeverity Severity, AlertCategory Category, string? SituationCode, string Message,
        DateTimeOffset Deadline, DateTimeOffset? WithdrawnAt, AlertAnswer? MyAnswer, DateTimeOffset? AnsweredAt);

    public sealed record AnswerRequest(AlertAnswer Answer);

    public sealed record AnswerResponse(AnswerOutcome Outcome);
}
