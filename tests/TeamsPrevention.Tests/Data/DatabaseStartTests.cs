using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Data;

/// <summary>The real App's start on a fresh database of each provider: migrations, start-up tasks, readiness.</summary>
public sealed class DatabaseStartTests
{
    [Theory, BothProviders]
    public async Task ReportsReadyAfterMigratingFreshDatabase(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(await app.Database.CountAsync("__EFMigrationsHistory") >= 1);
        Assert.Equal(4, await app.Database.CountAsync("Deputyships")); // The demo seed ran after migrations.
    }

    [Theory, BothProviders]
    public async Task HasAMigrationForEveryChangeOfTheModel(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);

        // A change of an entity or its configuration (an index, a column) without its migration on this provider fails here.
        Assert.False(await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Database.HasPendingModelChanges())));
    }

    [Theory, BothProviders]
    public async Task ReportsUnhealthyButStaysAliveOnBrokenConnectionString(DatabaseProvider provider)
    {
        var blocker = Path.GetTempFileName(); // A file where a directory should be: SQLite cannot create its database.
        try
        {
            var broken = provider == DatabaseProvider.Postgres
                ? $"Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Database=nowhere;Timeout=2"
                : $"Data Source={Path.Combine(blocker, "app.db")}";
            await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await using var app = DatabaseApp.StartOn(database, new Dictionary<string, string?>
            {
                ["Data:Provider"] = provider.ToString(),
                [$"ConnectionStrings:{provider}"] = broken,
            });
            using var client = app.CreateClient();

            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Theory, BothProviders]
    public async Task MigratesOnceWhenTwoInstancesStartTogether(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var starts = await Task.WhenAll(
            Task.Run(() => DatabaseApp.StartOn(database)),
            Task.Run(() => DatabaseApp.StartOn(database)));
        await using var first = starts[0];
        await using var second = starts[1];

        foreach (var app in starts)
        {
            using var client = app.CreateClient();
            var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var migrations = await first.InScopeAsync(s => Task.FromResult(s.GetRequiredService<AppDbContext>().Database.GetMigrations().Count()));
        Assert.Equal(migrations, await database.CountAsync("__EFMigrationsHistory"));
        Assert.Equal(11, await database.CountAsync("People")); // Seeded once, not twice.
    }

    [Fact]
    public async Task CreatesSqliteFileInWalModeWithForeignKeysEnforced()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite);
        var file = new SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource;

        Assert.True(File.Exists(file));
        await using var connection = await app.Database.OpenConnectionAsync();
        await using var journal = connection.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await journal.ExecuteScalarAsync());

        // Through the App's own context: a person pointing at no organisation is refused by the database.
        var error = await Assert.ThrowsAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(() => app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.Add(new App.Directory.Person { Id = Guid.NewGuid(), EntraObjectId = Guid.NewGuid(), DisplayName = "Test Fictif", OrganisationId = Guid.NewGuid() });
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("FOREIGN KEY", error.InnerException?.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EveryPooledSqliteConnectionKeepsForeignKeysAndBusyTimeout()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite);

        // Pragmas are set once per native connection: every later open of a pooled one, from any request scope (and
        // several at once, so that the pool holds more than one), must still show them.
        var seen = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync();
            try
            {
                var connection = db.Database.GetDbConnection();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA foreign_keys";
                var foreignKeys = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                command.CommandText = "PRAGMA busy_timeout";
                var busyTimeout = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                await Task.Delay(20);
                return (foreignKeys, busyTimeout);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        })));

        Assert.All(seen, s => Assert.Equal(1, s.foreignKeys));
        Assert.All(seen, s => Assert.Equal(new DataOptions().SqliteBusyTimeoutMilliseconds, s.busyTimeout));
    }
}
