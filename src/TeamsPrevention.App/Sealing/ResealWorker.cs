using Microsoft.Extensions.Options;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Sealing;

/// <summary>
/// Brings every sealed row under the ring's current key, in batches of <see cref="SealingOptions.BatchSize"/> (one
/// transaction each): rows under an older key after a rotation, and plain rows of a database made before sealing.
/// Runs once the database is migrated, then every <see cref="SealingOptions.RecheckInterval"/>. Nothing is kept
/// between batches but what the database says (a row's key id), so a crash or a stop resumes where it was, and
/// several instances may run it together (each row is written only if its key id is still the one read). Progress:
/// the log, and <see cref="SealingStatus"/> in <c>/health/ready</c>'s data.
/// </summary>
public sealed class ResealWorker(
    IServiceScopeFactory scopes, DatabaseStatus database, SealingStatus status, Sealer sealer, IOptions<SealingOptions> options, TimeProvider time,
    ILogger<ResealWorker> logger) : BackgroundService
{
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
                await Task.Delay(TimeSpan.FromMilliseconds(200), time, stoppingToken);
            }

            do
            {
                try
                {
                    await RunAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    SealingLog.PassFailed(logger, e.GetType().Name);
                }

                await Task.Delay(status.RowsLeft > status.Unreadable ? options.Value.BatchPause : options.Value.RecheckInterval, time, stoppingToken);
            }
            while (!stoppingToken.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start resumes.
        }
    }

    /// <summary>One pass: counts, seals every row not under the current key, counts again. Returns the rows sealed again.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken, int? maxBatches = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sources = Sources(scope.ServiceProvider, db);
        var before = await CountAsync(db, sources, cancellationToken);
        var left = before.Where(k => k.Key != sealer.CurrentKeyId).Sum(k => k.Value);
        if (left > 0)
        {
            SealingLog.Starting(logger, left, sealer.CurrentKeyId, Describe(before));
        }

        var total = 0;
        var batches = 0;
        var unreadable = 0;
        foreach (var source in sources)
        {
            var skip = new List<Guid>();
            var resealed = 0;
            var raced = 0;
            ResealBatch batch;
            do
            {
                if (batches++ >= maxBatches)
                {
                    break;
                }

                batch = await source.ResealAsync(db, options.Value.BatchSize, skip, cancellationToken);
                db.ChangeTracker.Clear();
                foreach (var row in batch.Unreadable)
                {
                    SealingLog.Unreadable(logger, source.Name, row);
                }

                skip.AddRange(batch.Unreadable);
                resealed += batch.Resealed;
                raced += batch.Raced;
                if (batch.Full && options.Value.BatchPause > TimeSpan.Zero)
                {
                    await Task.Delay(options.Value.BatchPause, time, cancellationToken);
                }
            }
            while (batch.Full);

            unreadable += skip.Count;
            total += resealed;
            if (resealed + raced > 0)
            {
                SealingLog.Resealed(logger, source.Name, resealed, sealer.CurrentKeyId, raced);
            }
        }

        var after = await CountAsync(db, sources, cancellationToken);
        status.Update(after, unreadable, time.GetUtcNow());
        if (status.RowsLeft == 0)
        {
            if (left > 0)
            {
                SealingLog.Done(logger, sealer.CurrentKeyId, status.RemovableKeys.Count == 0 ? "none" : string.Join(", ", status.RemovableKeys));
            }
        }
        else
        {
            SealingLog.Left(logger, status.RowsLeft, unreadable);
        }

        return total;
    }

    /// <summary>Every entity type with sealed columns, then the features' own sealed rows.</summary>
    private List<IResealSource> Sources(IServiceProvider services, AppDbContext db) =>
    [
        .. db.Model.GetEntityTypes().Select(SealedColumns.For).OfType<SealedType>().OrderBy(t => t.Table, StringComparer.Ordinal)
            .Select(t => new SealedTextRows(t, sealer)),
        .. services.GetServices<IResealSource>(),
    ];

    private static async Task<Dictionary<string, int>> CountAsync(AppDbContext db, List<IResealSource> sources, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var (key, rows) in await source.CountByKeyAsync(db, cancellationToken))
            {
                all[key] = all.GetValueOrDefault(key) + rows;
            }
        }

        return all;
    }

    private static string Describe(Dictionary<string, int> byKey) =>
        string.Join(", ", byKey.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}: {k.Value}"));
}
