using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Wakes up every <see cref="SituationsOptions.PassInterval"/> and runs one channel pass and one purge pass in a
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

        // A one-shot delay per pass, not a periodic timer: after a clock jump the pass runs once, not once per missed period.
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SituationChannels>().RunPassAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<RetentionPurge>().RunAsync(stoppingToken);
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
