using Microsoft.Extensions.Options;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Every <see cref="AuditCheckpointOptions.Interval"/>, once the database is ready, checkpoints the chain's head in a
/// fresh scope (<see cref="AuditCheckpoints.WriteAsync"/>: nothing when the head has not moved). Only a clock.
/// </summary>
internal sealed class AuditCheckpointWorker(
    IServiceScopeFactory scopes, IOptions<AuditCheckpointOptions> options, DatabaseStatus status, TimeProvider time, ILogger<AuditCheckpointWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        // A one-shot delay per pass, not a periodic timer: after a clock jump the pass runs once, not once per missed period.
        while (await NextPassAsync(stoppingToken))
        {
            if (!status.IsReady)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                AuditLogEvents.CheckpointFailed(logger, e.GetType().Name);
            }
        }
    }

    private async Task<bool> NextPassAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.Value.Interval, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
