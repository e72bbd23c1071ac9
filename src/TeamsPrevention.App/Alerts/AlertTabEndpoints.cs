using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// The tab's helpers under <c>/api/alerts</c>: the deadline an alert would get if sent now
/// (<c>GET deadline-preview?severity=</c>, for those who may send), and the alerts addressed to me, pending and
/// answered (<c>GET received?limit=</c>, audited).
/// </summary>
public static class AlertTabEndpoints
{
    public static RouteGroupBuilder MapAlertTabEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/deadline-preview", DeadlinePreviewAsync).RequireAuthorization(AlertSenders.Policy);
        api.MapGet("/received", ReceivedAsync);
        return api;
    }

    private static async Task<Results<Ok<DeadlinePreview>, ProblemHttpResult>> DeadlinePreviewAsync(
        string? severity, ClaimsPrincipal user, CurrentPerson current, WorkingCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        var language = Languages.FromTag((await current.GetAsync(user, ct))?.PreferredLanguage);
        // Names only: no numbers, no comma-separated combinations.
        var name = Enum.GetNames<AlertSeverity>().FirstOrDefault(n => string.Equals(n, severity?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return TypedResults.Problem(
                title: AlertRefusalTexts.UnknownSeverity(language),
                detail: "severity: Info, Elevated, Urgent",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var parsed = Enum.Parse<AlertSeverity>(name);
        var dueAt = calendar.ToLocal(calendar.Deadline(parsed, time.GetUtcNow()));
        return TypedResults.Ok(new DeadlinePreview(parsed, dueAt));
    }

    private static async Task<Results<Ok<IReadOnlyList<ReceivedAlert>>, ForbidHttpResult, ProblemHttpResult>> ReceivedAsync(
        int? limit, ClaimsPrincipal user, CurrentPerson current, ReceivedAlerts received, AuditLog audit, CancellationToken ct)
    {
        if (await current.GetAsync(user, ct) is not { } person)
        {
            return TypedResults.Forbid();
        }

        if (limit is < 1 or > ReceivedAlerts.MaxLimit)
        {
            return TypedResults.Problem(
                title: AlertRefusalTexts.BadLimit(Languages.FromTag(person.PreferredLanguage)),
                detail: $"limit: 1..{ReceivedAlerts.MaxLimit}",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var list = await received.ListAsync(person, limit ?? ReceivedAlerts.DefaultLimit, ct);
        await audit.RecordAsync(new AuditRecord(person.EntraObjectId.ToString(), AlertService.RoleOf(person), AuditAction.View, null, "AlertList", null, "alerts received"), ct);
        return TypedResults.Ok(list);
    }

    /// <summary>The deadline an alert of <paramref name="Severity"/> sent now would get, on Europe/Brussels time (with its offset).</summary>
    public sealed record DeadlinePreview(AlertSeverity Severity, DateTimeOffset DueAt);
}
