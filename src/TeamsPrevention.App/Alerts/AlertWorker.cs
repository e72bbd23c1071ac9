using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// The background service that works the outbox and the escalation clock. Rows are claimed in small batches with one
/// conditional UPDATE that sets a lease (atomic on SQLite and PostgreSQL alike): several instances share the work,
/// and the rows of an instance that died are taken over as soon as its heartbeat is older than
/// <see cref="AlertDeliveryOptions.InstanceTimeout"/> (10 s), or at the latest when their lease runs out. Sends run as a continuous pipeline
/// (up to <see cref="AlertDeliveryOptions.Parallelism"/> in flight, refilled as each one ends, so one slow row never
/// holds a batch back). Between them it runs due escalations, turns scheduled card updates
/// (<see cref="AlertCardUpdate"/>) into outbox work, and records its heartbeat so that the live instances share the
/// tenant's connector budget (<see cref="ConnectorPacers.SetInstances"/>, the pacer every feature's writes share). Nothing
/// is held only in memory.
/// </summary>
public sealed class AlertWorker(
    IServiceScopeFactory scopes,
    DatabaseStatus database,
    ConnectorPacers pacers,
    AlertWriteGate gate,
    TimeProvider time,
    IOptions<AlertOptions> options,
    IOptions<TenantOptions> tenant,
    ILogger<AlertWorker> logger) : BackgroundService
{
    /// <summary>The outbox row's lease (its holder is an instance's claim name, <c>{instance}:{claim}</c>).</summary>
    internal static readonly Lease<AlertDelivery> DeliveryLease = new(d => d.LeaseOwner, d => d.LeaseUntil);

    private long _claims;

    /// <summary>This instance's name on the leases it holds and on its heartbeat.</summary>
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

        var delivery = options.Value.Delivery;
        var inFlight = new List<Task>();
        var queue = new Queue<(Guid Id, string Owner)>();
        var nextHousekeeping = DateTimeOffset.MinValue;
        var nextHeartbeat = DateTimeOffset.MinValue;
        var nextClaim = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                if (now >= nextHeartbeat)
                {
                    await HeartbeatAsync(stoppingToken);
                    nextHeartbeat = now + delivery.HeartbeatInterval;
                }

                if (now >= nextHousekeeping)
                {
                    await HousekeepingAsync(stoppingToken);
                    nextHousekeeping = now + options.Value.PollInterval;
                    nextClaim = DateTimeOffset.MinValue;
                }

                if (queue.Count == 0 && inFlight.Count < delivery.Parallelism && now >= nextClaim)
                {
                    var wanted = Math.Min(delivery.BatchSize, (2 * delivery.Parallelism) - inFlight.Count);
                    var claimed = await ClaimAsync(wanted, stoppingToken);
                    claimed.ForEach(queue.Enqueue);

                    // Nothing to claim: look again at the next poll, not after every send that ends.
                    nextClaim = claimed.Count == 0 ? now + options.Value.PollInterval : DateTimeOffset.MinValue;
                }

                while (queue.Count > 0 && inFlight.Count < delivery.Parallelism)
                {
                    var (id, owner) = queue.Dequeue();
                    inFlight.Add(ProcessAsync(id, owner, stoppingToken));
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                AlertLog.WorkerError(logger, e);
            }

            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var wait = Task.Delay(options.Value.PollInterval, time, poll.Token);
            await Task.WhenAny([.. inFlight, wait]);
            await poll.CancelAsync();
            await wait.ContinueWith(_ => { }, TaskScheduler.Default);
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight).ContinueWith(_ => { }, TaskScheduler.Default);
        await ForgetHeartbeatAsync();
    }

    private async Task ProcessAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AlertSender>().ProcessAsync(id, owner, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            AlertLog.DeliveryError(logger, e, id);
        }
    }

    /// <summary>Due escalations, then scheduled card updates turned into outbox work (one statement per alert).</summary>
    private async Task HousekeepingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AlertEscalator>().RunDueAsync(cancellationToken);

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var updates = await db.Set<AlertCardUpdate>().AsNoTracking().OrderBy(u => u.RequestedAt).Take(20).ToListAsync(cancellationToken);
        foreach (var update in updates)
        {
            var now = time.GetUtcNow();
            var version = await db.Set<Alert>().Where(a => a.Id == update.AlertId).Select(a => a.Version).FirstOrDefaultAsync(cancellationToken);
            using var entered = await gate.EnterAsync(db, cancellationToken);
            await db.Set<AlertDelivery>()
                .Where(d => d.AlertId == update.AlertId && d.Status == AlertDeliveryStatus.Sent && d.CardVersion < version && !d.PendingUpdate)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.PendingUpdate, true).SetProperty(d => d.NextAttemptAt, now), cancellationToken);

            // A newer answer re-stamped the row meanwhile: it stays for the next round.
            await db.Set<AlertCardUpdate>().Where(u => u.AlertId == update.AlertId && u.Stamp == update.Stamp).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Records this instance as alive and takes its share of the tenant's budget (limit ÷ live instances).</summary>
    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        using (await gate.EnterAsync(db, cancellationToken))
        {
            await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "AlertInstances" ("Id", "SeenAt") VALUES ({InstanceId}, {AlertSql.Time(db, now)})
            ON CONFLICT ("Id") DO UPDATE SET "SeenAt" = excluded."SeenAt"
            """,
            cancellationToken);
            await db.Set<AlertInstance>().Where(i => i.SeenAt < now - (10 * options.Value.Delivery.InstanceTimeout)).ExecuteDeleteAsync(cancellationToken);
        }

        var since = now - options.Value.Delivery.InstanceTimeout;
        var live = await db.Set<AlertInstance>().CountAsync(i => i.SeenAt > since, cancellationToken);
        pacers.SetInstances(tenant.Value.TenantId, live);
    }

    /// <summary>On a clean stop the others take this instance's share at once (a killed one's share returns after the timeout).</summary>
    private async Task ForgetHeartbeatAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<AlertInstance>().Where(i => i.Id == InstanceId).ExecuteDeleteAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
        {
            // The heartbeat runs out by itself.
        }
    }

    /// <summary>Claims up to <paramref name="count"/> due rows with one conditional UPDATE under a fresh claim name.</summary>
    private async Task<List<(Guid Id, string Owner)>> ClaimAsync(int count, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow();
        // A lease is free when it ran out, or when the instance holding it is no longer alive (no heartbeat within the
        // instance timeout): a killed instance's rows are taken over within seconds, not after the whole lease.
        var liveSince = now - options.Value.Delivery.InstanceTimeout;
        var live = db.Set<AlertInstance>().Where(i => i.SeenAt > liveSince);
        Expression<Func<AlertDelivery, bool>> holderGone = d => !live.Any(i => d.LeaseOwner!.StartsWith(i.Id + ":"));
        var candidates = await db.Set<AlertDelivery>().AsNoTracking()
            .Where(d => (d.Status == AlertDeliveryStatus.Queued || (d.Status == AlertDeliveryStatus.Sent && d.PendingUpdate)) && d.NextAttemptAt <= now)
            .Where(DeliveryLease.FreeAt(now, holderGone))
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .Take(count * 3)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        // Instances that look at the same time start from different rows, so they rarely race for the same ones.
        var chosen = candidates.OrderBy(_ => Random.Shared.Next()).Take(count).ToList();
        var owner = $"{InstanceId}:{Interlocked.Increment(ref _claims)}";
        using (await gate.EnterAsync(db, cancellationToken))
        {
            await DeliveryLease.ClaimAsync(
                db.Set<AlertDelivery>().Where(d => chosen.Contains(d.Id)
                    && (d.Status == AlertDeliveryStatus.Queued || (d.Status == AlertDeliveryStatus.Sent && d.PendingUpdate))),
                owner,
                now,
                options.Value.Delivery.Lease,
                cancellationToken,
                orFree: holderGone);
        }

        var won = await db.Set<AlertDelivery>().AsNoTracking()
            .Where(d => chosen.Contains(d.Id) && d.LeaseOwner == owner)
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. won.Select(id => (id, owner))];
    }
}
