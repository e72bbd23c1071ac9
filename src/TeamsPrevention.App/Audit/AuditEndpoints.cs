using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// The audit log: registration and its API for the DPO: search (<c>GET /api/audit</c>), chain verification
/// (<c>GET /api/audit/verification</c>), a checkpoint on demand (<c>POST /api/audit/checkpoints</c>), access reports
/// (<c>GET /api/audit/access-report</c>) and anomaly flags (<c>GET /api/audit/anomalies</c>). Each read of the log is
/// itself audited, before it is answered.
/// </summary>
public static class AuditEndpoints
{
    public const int MaxPageSize = 200;

    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditChainOptions>().BindConfiguration(AuditChainOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IPostConfigureOptions<AuditChainOptions>, DevelopmentAuditChainKey>();
        builder.Services.AddSingleton<IValidateOptions<AuditChainOptions>, AuditChainOptionsValidation>();
        builder.Services.AddOptions<AuditCheckpointOptions>().BindConfiguration(AuditCheckpointOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AuditKeyRing>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<AuditVerifier>();
        builder.Services.AddScoped<AuditCheckpoints>();
        builder.Services.AddHostedService<AuditCheckpointWorker>();
        builder.Services.AddScoped<IDatabaseStartupTask, AuditGuard>();
        builder.Services.AddHealthChecks().AddCheck<AuditGuardHealthCheck>("audit-guard", tags: [Hosting.HostingExtensions.ReadyTag]);
        builder.Services.AddScoped<AuditAccessReports>();
        builder.Services.AddScoped<AuditPeople>();
        builder.Services.AddScoped<AuditAnomalyDetector>();
        builder.Services.AddOptions<AuditAnomalyOptions>().BindConfiguration(AuditAnomalyOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.Errors().Any(), "Audit:Anomalies is invalid: office hours, time zone or windows.")
            .ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(DirectoryPolicies.Dpo);
        api.MapGet("/", GetEntriesAsync);
        api.MapGet("/verification", VerifyAsync);
        api.MapPost("/checkpoints", WriteCheckpointAsync);
        api.MapGet("/access-report", GetAccessReportAsync);
        api.MapGet("/anomalies", GetAnomaliesAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> GetEntriesAsync(
        [AsParameters] AuditQuery query, ClaimsPrincipal user, CurrentPerson current, AppDbContext db, AuditLog audit, AuditPeople people, CancellationToken ct)
    {
        var language = await LanguageAsync(user, current, ct);
        var errors = query.Validate(language);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: InputTexts.Title(language));
        }

        await audit.RecordAsync(
            new AuditRecord(Actor(user), nameof(DirectoryRole.Dpo), AuditAction.View, query.Situation, "AuditLog", null, "audit log review"),
            ct);

        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (query.Situation is { } situation)
        {
            entries = entries.Where(e => e.SituationCode == situation);
        }

        if (query.Actor is { } actor)
        {
            entries = entries.Where(e => e.Actor == actor);
        }

        if (query.ParsedAction is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (query.ParsedOutcome is { } outcome)
        {
            entries = entries.Where(e => e.Outcome == outcome);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from.ToUniversalTime());
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to.ToUniversalTime());
        }

        var total = await entries.LongCountAsync(ct);
        if (query.Before is { } before)
        {
            entries = entries.Where(e => e.Sequence < before);
        }

        var size = query.PageSize ?? 50;
        var items = await entries.OrderByDescending(e => e.Sequence).Take(size + 1).ToListAsync(ct);
        var next = items.Count > size ? items[size - 1].Sequence : (long?)null;
        List<AuditEntry> page = [.. items.Take(size)];
        var names = query.Names == true ? await people.ResolveAsync(Actor(user), page.Select(e => (e.Actor, e.TargetType, e.TargetId)), ct) : null;
        return TypedResults.Ok(new AuditPage(size, total, next, page, names));
    }

    private static async Task<Ok<AuditVerification>> VerifyAsync(ClaimsPrincipal user, AuditLog audit, AuditVerifier verifier, CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(ct);
        await audit.RecordAsync(
            new AuditRecord(Actor(user), nameof(DirectoryRole.Dpo), AuditAction.View, null, "AuditVerification", null, "audit chain verification"),
            ct);
        return TypedResults.Ok(result);
    }

    /// <summary>The DPO's checkpoint on demand: audited first, so the checkpoint anchors the request too.</summary>
    private static async Task<Ok<AuditCheckpointWrite>> WriteCheckpointAsync(ClaimsPrincipal user, AuditLog audit, AuditCheckpoints checkpoints, CancellationToken ct)
    {
        await audit.RecordAsync(
            new AuditRecord(Actor(user), nameof(DirectoryRole.Dpo), AuditAction.System, null, "AuditCheckpoint", null, "audit checkpoint on demand"),
            ct);
        return TypedResults.Ok(await checkpoints.WriteAsync(ct));
    }

    private static async Task<Results<Ok<AccessReport>, ValidationProblem>> GetAccessReportAsync(
        [AsParameters] AccessReportQuery query, ClaimsPrincipal user, CurrentPerson current, AuditLog audit, AuditAccessReports reports, AuditPeople people,
        CancellationToken ct)
    {
        var language = await LanguageAsync(user, current, ct);
        var errors = query.Validate(language);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: InputTexts.Title(language));
        }

        var situation = query.Situation?.Trim();
        var person = query.Person is null ? (Guid?)null : Guid.Parse(query.Person);
        await audit.RecordAsync(
            new AuditRecord(Actor(user), nameof(DirectoryRole.Dpo), AuditAction.View, situation, "AccessReport", situation ?? person?.ToString(), "access report"),
            ct);
        var report = situation is not null
            ? await reports.ForSituationAsync(situation, query.From, query.To, ct)
            : await reports.ForPersonAsync(person!.Value, query.From, query.To, ct);
        if (query.Names == true)
        {
            var mentions = report.Entries.Select(e => (e.Actor, e.TargetType, e.TargetId)).Concat(report.Lines.Select(l => (l.Actor, (string?)null, (string?)null)));
            report = report with { People = await people.ResolveAsync(Actor(user), mentions, ct) };
        }

        return TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<AuditAnomalies>, ValidationProblem>> GetAnomaliesAsync(
        DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal user, CurrentPerson current, AuditLog audit, AuditAnomalyDetector detector,
        IOptions<AuditAnomalyOptions> options, TimeProvider time, CancellationToken ct)
    {
        var language = await LanguageAsync(user, current, ct);
        var errors = AuditQuery.ValidatePeriod(from, to, language);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: InputTexts.Title(language));
        }

        var end = to ?? time.GetUtcNow();
        var start = from ?? end.AddDays(-30);
        if (end <= start)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [InputTexts.EndBeforeStart(language)] }, title: InputTexts.Title(language));
        }

        if (end - start > options.Value.MaxPeriod)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["from"] = [InputTexts.AtMostDays(options.Value.MaxPeriod.TotalDays, language)] }, title: InputTexts.Title(language));
        }

        await audit.RecordAsync(new AuditRecord(Actor(user), nameof(DirectoryRole.Dpo), AuditAction.View, null, "AuditAnomalies", null, "anomaly flags review"), ct);
        var flags = await detector.DetectAsync(start, end, ct);
        return TypedResults.Ok(new AuditAnomalies(start, end, flags));
    }

    /// <summary>Refusals are read by the DPO in the language the directory records for them.</summary>
    private static async Task<UserLanguage> LanguageAsync(ClaimsPrincipal user, CurrentPerson current, CancellationToken ct) =>
        Languages.FromTag((await current.GetAsync(user, ct))?.PreferredLanguage);

    private static string Actor(ClaimsPrincipal user) =>
        user.GetObjectId()?.ToString() ?? throw new InvalidOperationException("An authorized principal has no object id.");
}

/// <summary>
/// A page of audit entries, newest first. <see cref="Total"/> counts every entry matching the filters;
/// <see cref="NextBefore"/> is the <c>before</c> of the next (older) page, null on the last one. Pages are keyed by
/// sequence number, so that entries appended meanwhile (each read is one) never shift them.
/// </summary>
/// <param name="People">With <c>names=true</c>: the people the page mentions (<see cref="AuditPeople"/>); null otherwise.</param>
public sealed record AuditPage(int PageSize, long Total, long? NextBefore, IReadOnlyList<AuditEntry> Entries, IReadOnlyList<AuditPersonName>? People = null);

/// <summary>
/// Filters of <c>GET /api/audit</c>: situation code, actor (object id), action, outcome, time range [from, to), and paging.
/// </summary>
/// <param name="Action">An <see cref="AuditAction"/> name (<c>View</c>, <c>Denied</c>…).</param>
/// <param name="Outcome">An <see cref="AuditOutcome"/> name (<c>Success</c>, <c>Denied</c>, <c>Failed</c>).</param>
/// <param name="Before">Only entries with a lower sequence number (the previous page's <see cref="AuditPage.NextBefore"/>).</param>
/// <param name="Names">Also name the people the page mentions (each name resolved is audited).</param>
public sealed record AuditQuery(
    string? Situation, string? Actor, string? Action, string? Outcome, DateTimeOffset? From, DateTimeOffset? To, long? Before, int? PageSize, bool? Names)
{
    internal AuditAction? ParsedAction => ParseName<AuditAction>(Action);

    internal AuditOutcome? ParsedOutcome => ParseName<AuditOutcome>(Outcome);

    public Dictionary<string, string[]> Validate(UserLanguage language)
    {
        var errors = ValidatePeriod(From, To, language);

        // The filter is recorded in the review's own audit entry: longer than a code can be, it is no code (was a 500).
        if (Situation is { Length: > AuditRecord.MaxSituationCodeLength })
        {
            errors["situation"] = [InputTexts.TooLong(AuditRecord.MaxSituationCodeLength, language)];
        }

        if (Action is not null && ParsedAction is null)
        {
            errors["action"] = [InputTexts.Expected(Enum.GetNames<AuditAction>(), language)];
        }

        if (Outcome is not null && ParsedOutcome is null)
        {
            errors["outcome"] = [InputTexts.Expected(Enum.GetNames<AuditOutcome>(), language)];
        }

        if (Before is < 1)
        {
            errors["before"] = [InputTexts.AtLeast(1, language)];
        }

        if (PageSize is < 1 or > AuditEndpoints.MaxPageSize)
        {
            errors["pageSize"] = [InputTexts.Between(1, AuditEndpoints.MaxPageSize, language)];
        }

        return errors;
    }

    /// <summary>A period [from, to): each bound within <see cref="RequestDates"/>, the end after the start.</summary>
    internal static Dictionary<string, string[]> ValidatePeriod(DateTimeOffset? from, DateTimeOffset? to, UserLanguage language)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is { } f && !RequestDates.InRange(f))
        {
            errors["from"] = [InputTexts.DateOutOfRange(language)];
        }

        if (to is { } t && !RequestDates.InRange(t))
        {
            errors["to"] = [InputTexts.DateOutOfRange(language)];
        }
        else if (from is { } start && to is { } end && end <= start && errors.Count == 0)
        {
            errors["to"] = [InputTexts.EndBeforeStart(language)];
        }

        return errors;
    }

    internal static TEnum? ParseName<TEnum>(string? value)
        where TEnum : struct, Enum =>
        value is not null && !int.TryParse(value, out _) && Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;
}

/// <summary>
/// <c>GET /api/audit/access-report</c>: exactly one subject, a situation code or a person's Entra object id, and an
/// optional time range [from, to); <c>names=true</c> also names the people it mentions (each name resolved is audited).
/// </summary>
public sealed record AccessReportQuery(string? Situation, string? Person, DateTimeOffset? From, DateTimeOffset? To, bool? Names)
{
    public Dictionary<string, string[]> Validate(UserLanguage language)
    {
        var errors = AuditQuery.ValidatePeriod(From, To, language);
        var hasSituation = !string.IsNullOrWhiteSpace(Situation);
        var hasPerson = !string.IsNullOrWhiteSpace(Person);
        if (hasSituation == hasPerson)
        {
            errors["situation"] = [language switch
            {
                UserLanguage.Nl => "Geef een situatiecode of de id (oid) van een persoon, niet beide.",
                UserLanguage.De => "Geben Sie einen Situationscode oder die Kennung (oid) einer Person an, nicht beides.",
                UserLanguage.En => "Give either a situation code or a person's object id (oid).",
                _ => "Indiquez soit un code de situation, soit l'identifiant (oid) d'une personne.",
            }];
        }
        else if (hasSituation && Situation!.Trim().Length > AuditRecord.MaxSituationCodeLength)
        {
            errors["situation"] = [InputTexts.TooLong(AuditRecord.MaxSituationCodeLength, language)];
        }
        else if (hasPerson && !Guid.TryParse(Person, out _))
        {
            errors["person"] = [language switch
            {
                UserLanguage.Nl => "Entra-object-id (GUID) verwacht.",
                UserLanguage.De => "Entra-Objektkennung (GUID) erwartet.",
                UserLanguage.En => "An Entra object id (GUID) is expected.",
                _ => "Identifiant d'objet Entra (GUID) attendu.",
            }];
        }

        return errors;
    }
}

/// <summary>
/// An access report: <see cref="Lines"/> summarise every entry by actor, role, action, outcome, situation and target
/// (count, first and last time); <see cref="Entries"/> lists them newest first, at most
/// <see cref="AuditAccessReports.MaxEntries"/> (<see cref="Truncated"/> when there are more).
/// </summary>
/// <param name="Subject"><c>situation</c> or <c>person</c>.</param>
/// <param name="Value">The situation code or the person's object id.</param>
public sealed record AccessReport(
    string Subject,
    string Value,
    DateTimeOffset? From,
    DateTimeOffset? To,
    DateTimeOffset GeneratedAt,
    int TotalEntries,
    IReadOnlyList<AccessReportLine> Lines,
    IReadOnlyList<AuditEntry> Entries,
    bool Truncated,
    IReadOnlyList<AuditPersonName>? People = null);

/// <summary>Who (object id and organisation id, never a name) did what how many times, first and last (UTC).</summary>
public sealed record AccessReportLine(
    string Actor,
    Guid? ActorOrganisationId,
    string? ActorRole,
    AuditAction Action,
    AuditOutcome Outcome,
    string? SituationCode,
    string? TargetType,
    int Count,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt);

/// <summary>The anomaly flags of the period [<paramref name="From"/>, <paramref name="To"/>), oldest first.</summary>
public sealed record AuditAnomalies(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<AuditAnomaly> Flags);
