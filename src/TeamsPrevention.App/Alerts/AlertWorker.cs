using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// The background service that works the outbox and the escalation clock. Rows are claimed one by one with a
/// conditional UPDATE that sets a lease (atomic on SQLite and PostgreSQL alike): several instances share the work,
/// and the rows of an instance that died are taken over when their lease runs out. Nothing is held only in memory.
/// </summary>
public sealed class AlertWorker(
    IServiceScopeFactory scopes,
    DatabaseStatus database,
    TimeProvider time,
    IOptions<AlertOptions> options,
    ILogger<AlertWorker> logger) : BackgroundService
{
    /// <summary>This instance's name on the leases it holds.</summary>
    public string InstanceId { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Delivery.Enabled)
        {
            return;
        }

        while (!database.IsReady && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                worked = await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                AlertLog.WorkerError(logger, e);
            }

            if (worked == 0)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: due escalations, then a batch of deliveries; returns how much was done.</summary>
    public async Task<int> RoundAsync(CancellationToken cancellationToken)
    {
        int escalated;
        await using (var scope = scopes.CreateAsyncScope())
        {
            escalated = await scope.ServiceProvider.GetRequiredService<AlertEscalator>().RunDueAsync(cancellationToken);
        }

        var claimed = await ClaimAsync(cancellationToken);
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Delivery.Parallelism, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AlertSender>().ProcessAsync(id, InstanceId, ct);
            });
        return escalated + claimed.Count;
    }

    private async Task<IReadOnlyList<Guid>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var delivery = options.Value.Delivery;
        var now = time.GetUtcNow();
        var candidates = await db.Set<AlertDelivery>().AsNoTracking()
            .Where(d => (d.Status == AlertDeliveryStatus.Queued || (d.Status == AlertDeliveryStatus.Sent && d.PendingUpdate))
                && d.NextAttemptAt <= now
                && (d.LeaseUntil == null || d.LeaseUntil < now))
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .Take(delivery.BatchSize * 2)
            .ToListAsync(cancellationToken);

        // Instances that look at the same time start from different rows, so they rarely race for one.
        var shuffled = candidates.OrderBy(_ => Random.Shared.Next()).ToList();
        var claimed = new List<Guid>();
        var leaseUntil = now + delivery.Lease;
        foreach (var id in shuffled)
        {
            if (claimed.Count >= delivery.BatchSize)
            {
                break;
            }

            var won = await db.Set<AlertDelivery>()
                .Where(d => d.Id == id
                    && (d.Status == AlertDeliveryStatus.Queued || (d.Status == AlertDeliveryStatus.Sent && d.PendingUpdate))
                    && (d.LeaseUntil == null || d.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, InstanceId).SetProperty(d => d.LeaseUntil, leaseUntil), cancellationToken);
            if (won == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }
}
