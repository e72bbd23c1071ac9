using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TeamsPrevention.App.Sealing;

/// <summary>
/// Part of <c>/health/ready</c>: Healthy while rows are sealed again (the older keys still open them), with the
/// progress in its description and data; Degraded when a sealed value did not open (altered or moved: someone wrote
/// to the database behind the App). Counts and key ids only.
/// </summary>
internal sealed class SealingHealthCheck(SealingStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["currentKey"] = status.CurrentKeyId,
            ["rowsLeft"] = status.RowsLeft,
            ["unreadable"] = status.Unreadable,
            ["removableKeys"] = string.Join(",", status.RemovableKeys),
        };
        foreach (var (key, rows) in status.RowsByKey)
        {
            data[$"rows:{key}"] = rows;
        }

        var progress = status.CountedAt is null
            ? "not counted yet"
            : status.RowsLeft == 0 ? $"every row under key {status.CurrentKeyId}" : $"{status.RowsLeft} rows still to seal under key {status.CurrentKeyId}";
        return Task.FromResult(status.Unreadable > 0
            ? HealthCheckResult.Degraded($"Sealing: {status.Unreadable} sealed rows do not open (altered or moved); {progress}.", data: data)
            : HealthCheckResult.Healthy($"Sealing: {progress}.", data));
    }
}
