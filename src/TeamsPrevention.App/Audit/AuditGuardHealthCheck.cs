using Microsoft.Extensions.Diagnostics.HealthChecks;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Not ready while any trigger of <see cref="AuditGuard"/> is missing, disabled or altered: the log would take edits.
/// The reason names the triggers, never data. The guard comes back at the next start.
/// </summary>
internal sealed class AuditGuardHealthCheck(DatabaseStatus status, AppDbContext db, ILogger<AuditGuardHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!status.IsReady)
        {
            return HealthCheckResult.Unhealthy("Audit log guard not checked: the database is not migrated yet.");
        }

        try
        {
            var missing = await AuditGuard.FindMissingAsync(db, cancellationToken);
            if (missing.Count == 0)
            {
                return HealthCheckResult.Healthy();
            }

            AuditLogEvents.GuardMissing(logger, string.Join(", ", missing));
            return HealthCheckResult.Unhealthy($"Audit log guard missing or altered: {string.Join(", ", missing)}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Audit log guard not checked ({ex.GetType().Name}).");
        }
    }
}
