using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// The audit log: registration and its API for the DPO (<c>GET /api/audit</c>, <c>GET /api/audit/verification</c>).
/// Each read of the log is itself audited.
/// </summary>
public static class AuditEndpoints
{
    public const int MaxPageSize = 200;

    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<AuditVerifier>();
        builder.Services.AddScoped<IDatabaseStartupTask, AuditGuard>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(DirectoryPolicies.Dpo);
        api.MapGet("/", GetEntriesAsync);
        api.MapGet("/verification", VerifyAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> GetEntriesAsync(
        [AsParameters] AuditQuery query, ClaimsPrincipal user, AppDbContext db, AuditLog audit, CancellationToken ct)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
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
        return TypedResults.Ok(new AuditPage(size, total, next, [.. items.Take(size)]));
    }

    private static async Task<Ok<AuditVerification>> VerifyAsync(ClaimsPrincipal user, AuditLog audit, AuditVerifier verifier, CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(ct);
        await audit.RecordAsync(
            new AuditRecord(Actor(user), nameof(DirectoryRole.Dpo), AuditAction.View, null, "AuditVerification", null, "audit chain verification"),
            ct);
        return TypedResults.Ok(result);
    }

    private static string Actor(ClaimsPrincipal user) =>
        user.GetObjectId()?.ToString() ?? throw new InvalidOperationException("An authorized principal has no object id.");
}

/// <summary>
/// A page of audit entries, newest first. <see cref="Total"/> counts every entry matching the filters;
/// <see cref="NextBefore"/> is the <c>before</c> of the next (older) page, null on the last one. Pages are keyed by
/// sequence number, so that entries appended meanwhile (each read is one) never shift them.
/// </summary>
public sealed record AuditPage(int PageSize, long Total, long? NextBefore, IReadOnlyList<AuditEntry> Entries);

/// <summary>Filters of <c>GET /api/audit</c>: situation code, actor (object id), time range [from, to), and paging.</summary>
/// <param name="Before">Only entries with a lower sequence number (the previous page's <see cref="AuditPage.NextBefore"/>).</param>
public sealed record AuditQuery(string? Situation, string? Actor, DateTimeOffset? From, DateTimeOffset? To, long? Before, int? PageSize)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Before is < 1)
        {
            errors["before"] = ["1 au moins."];
        }

        if (PageSize is < 1 or > AuditEndpoints.MaxPageSize)
        {
            errors["pageSize"] = [$"Entre 1 et {AuditEndpoints.MaxPageSize}."];
        }

        if (From is { } from && To is { } to && to <= from)
        {
            errors["to"] = ["La fin doit suivre le début."];
        }

        return errors;
    }
}
