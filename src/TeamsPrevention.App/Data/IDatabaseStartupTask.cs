namespace TeamsPrevention.App.Data;

/// <summary>
/// Work that must run against the database at every start, after migrations and under the same start-up lock:
/// objects that migrations do not carry (guard triggers) and idempotent seeding. Each must be safe to run again.
/// Tasks run in registration order.
/// </summary>
public interface IDatabaseStartupTask
{
    Task RunAsync(AppDbContext db, DatabaseProvider provider, CancellationToken cancellationToken);
}
