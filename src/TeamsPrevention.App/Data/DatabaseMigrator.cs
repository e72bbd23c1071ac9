using Microsoft.EntityFrameworkCore;

namespace TeamsPrevention.App.Data;

/// <summary>Applies pending migrations before the App takes traffic.</summary>
internal sealed partial class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await db.Database.MigrateAsync(cancellationToken);
        Migrated(logger, db.Database.ProviderName ?? "?", pending);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1100, LogLevel.Information, "Database ready ({Provider}); {Count} migration(s) applied")]
    private static partial void Migrated(ILogger logger, string provider, int count);
}
