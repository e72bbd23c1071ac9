using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// The Teams limits this instance keeps to when it writes to the Bot Connector: a token bucket for the whole tenant and
/// one per conversation (thread). Waiting here costs nothing at Microsoft; a 429 still answered is honoured by the
/// connector client (<c>Retry-After</c>) and by the outbox (the row is postponed).
/// </summary>
public sealed class AlertRateLimits : IDisposable
{
    private readonly TokenBucketRateLimiter _tenant;
    private readonly PartitionedRateLimiter<string> _threads;

    public AlertRateLimits(IOptions<AlertOptions> options)
    {
        var delivery = options.Value.Delivery;
        _tenant = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = delivery.TenantPerSecond,
            TokensPerPeriod = delivery.TenantPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 100_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        _threads = PartitionedRateLimiter.Create<string, string>(thread => RateLimitPartition.GetTokenBucketLimiter(thread, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = delivery.ThreadPerSecond,
            TokensPerPeriod = delivery.ThreadPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 1_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Waits until one more write to the tenant (and to <paramref name="thread"/>, when known) is within the limits.</summary>
    public async Task WaitAsync(string? thread, CancellationToken cancellationToken)
    {
        if (thread is not null)
        {
            using var perThread = await _threads.AcquireAsync(thread, 1, cancellationToken);
        }

        using var lease = await _tenant.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The tenant rate limiter's queue is full.");
        }
    }

    public void Dispose()
    {
        _tenant.Dispose();
        _threads.Dispose();
    }
}
