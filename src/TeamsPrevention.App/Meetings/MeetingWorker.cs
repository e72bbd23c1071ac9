using Microsoft.Extensions.Options;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Meetings;

/// <summary>
/// The meetings background job: every <see cref="MeetingsOptions.PassInterval"/>, in a fresh scope, the Graph retries
/// that are due, then the reminders and agenda cards that are due. Only a clock: what is due and who works on it is
/// decided in the database (leases and unique notice rows), so several instances share the work safely.
/// </summary>
internal sealed class MeetingWorker(
    IServiceScopeFactory scopes, DatabaseStatus database, IOptions<MeetingsOptions> options, TimeProvider time, ILogger<MeetingWorker> logger)
    : BackgroundService
{
    public const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        try
        {
            while (!database.IsReady)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
            }

            // A one-shot delay per pass, not a periodic timer: after a clock jump (a suspended VM, a test's fake clock
            // moved by months) the job runs once, not once per missed period.
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<MeetingService>().RetryDuePassAsync(BatchSize, stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<MeetingNotices>().RunPassAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    MeetingsLog.PassFailed(logger, e.GetType().Name);
                }
            }
            while (await NextPassAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> NextPassAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(options.Value.PassInterval, time, stoppingToken);
        return true;
    }
}
