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

        using var timer = new PeriodicTimer(options.Value.PassInterval, time);
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
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
