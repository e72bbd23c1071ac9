using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.Tests.Infrastructure;

/// <summary>
/// The real App on a <see cref="TestDatabase"/> of either provider, with <see cref="TestAuthentication"/>.
/// The demo directory is seeded unless the test says otherwise. Several apps may share one database (several instances).
/// </summary>
public sealed class DatabaseApp : IAsyncDisposable
{
    private readonly AppFactory _factory;
    private readonly WebApplicationFactory<Program> _app;
    private readonly bool _ownsDatabase;

    private DatabaseApp(TestDatabase database, bool ownsDatabase, IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        var all = new Dictionary<string, string?>(database.Settings) { ["Directory:SeedDemo"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _factory = new AppFactory(all);
        _app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            TestAuthentication.Register(s);
            services?.Invoke(s);
        }));
    }

    public TestDatabase Database { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>An App on a fresh database of its own.</summary>
    public static async Task<DatabaseApp> StartAsync(
        DatabaseProvider provider, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        Start(await TestDatabase.CreateAsync(provider), ownsDatabase: true, settings, services);

    /// <summary>Another App on an existing database (the caller disposes the database).</summary>
    public static DatabaseApp StartOn(
        TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        Start(database, ownsDatabase: false, settings, services);

    /// <summary>A client signed in as <paramref name="oid"/> (anonymous when null).</summary>
    public HttpClient CreateClient(string? oid = null)
    {
        var client = _app.CreateClient();
        if (oid is not null)
        {
            client.DefaultRequestHeaders.Add(TestAuthentication.Header, oid);
        }

        return client;
    }

    /// <summary>Runs <paramref name="work"/> with services from a fresh scope (its own DbContext).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    private static DatabaseApp Start(
        TestDatabase database, bool ownsDatabase, IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        var app = new DatabaseApp(database, ownsDatabase, settings, services);
        _ = app._app.Server; // Starts the host: migrations and start-up tasks run now.
        return app;
    }
}
