using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using TeamsPrevention.App.Audit;

namespace TeamsPrevention.App.Directory;

/// <summary>
/// Audits every access the authorization middleware refuses to a signed-in principal (requirement 12: denied access
/// is logged), then answers as usual (403). The target is the endpoint's route template, never its values.
/// </summary>
internal sealed class DeniedAccessAuditor(ILogger<DeniedAccessAuditor> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.GetObjectId() is { } oid)
        {
            var endpoint = context.GetEndpoint();
            var template = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "?";
            var policies = string.Join(",", endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>() ?? []);
            var person = await context.RequestServices.GetRequiredService<CurrentPerson>().GetAsync(context.User, context.RequestAborted);
            var role = person is null ? null : string.Join(",", person.Roles);
            var audit = context.RequestServices.GetRequiredService<AuditLog>();
            await audit.RecordAsync(
                new AuditRecord(
                    oid.ToString(),
                    Truncate(role, AuditRecord.MaxRoleLength),
                    AuditAction.Denied,
                    TargetType: "Endpoint",
                    TargetId: Truncate($"{context.Request.Method} {template}", AuditRecord.MaxTargetIdLength),
                    Purpose: Truncate($"policy {policies}", AuditRecord.MaxPurposeLength),
                    Outcome: AuditOutcome.Denied),
                context.RequestAborted);
            DirectoryLog.AccessDenied(logger, policies, template);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
