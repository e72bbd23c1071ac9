using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Wakes up every <see cref="SituationsOptions.PassInterval"/> and runs one channel pass, one purge pass and one pass taking out of the cell's team the people it added who need it no more, in a
/// fresh scope. Only a clock: what is due, and who works on it, is decided in the database (leases).
/// </summary>
internal sealed class SituationWorker(IServiceScopeFactory scopes, IOptions<SituationsOptions> options, TimeProvider time, ILogger<SituationWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        var nextTeamCleanup = DateTimeOffset.MinValue;

        // A one-shot delay per pass, not a periodic timer: after a clock jump the pass runs once, not once per missed period.
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SituationChannels>().RunPassAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunAsync(stoppingToken);
                if (time.GetUtcNow() >= nextTeamCleanup)
                {
                    // As often as a channel is reconciled with its list: the team is kept true at the same pace.
                    nextTeamCleanup = time.GetUtcNow() + options.Value.ReconcileInterval;
                    await scope.ServiceProvider.GetRequiredService<CellTeamMembers>().RunPassAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                SituationsLog.PassFailed(logger, e.GetType().Name);
            }
        }
        while (await NextPassAsync(stoppingToken));
    }

    private async Task<bool> NextPassAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.Value.PassInterval, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
