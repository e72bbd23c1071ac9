using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TeamsPrevention.App.Data;

/// <summary>Ready when migrations have been applied and the database answers a trivial query now.</summary>
internal sealed class DatabaseHealthCheck(DatabaseStatus status, AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!status.IsReady)
        {
            return HealthCheckResult.Unhealthy($"Database not migrated yet (last error: {status.LastError ?? "none"}).");
        }

        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Database unreachable.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Database unreachable ({ex.GetType().Name}).");
        }
    }
}
