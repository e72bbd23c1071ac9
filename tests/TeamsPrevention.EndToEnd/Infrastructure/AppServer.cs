using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TeamsPrevention.EndToEnd.Infrastructure;

/// <summary>
/// The real App on Kestrel at a free loopback port, reachable by other processes (the Agents Playground, a browser).
/// It owns a SQLite file in its own temp directory, hosts the sandbox tenant in-process (<c>Sandbox:Embedded</c>) and
/// accepts the Playground's anonymous activities (<c>Bot:AllowAnonymous</c>). Environment: Development.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly LogCollector _logs = new();
    private readonly Action<IServiceCollection>? _services;

    private AppServer(IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        _services = services;
        Port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
        DataDirectory = Path.Combine(Path.GetTempPath(), "tp-e2e", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>
        {
            ["Urls"] = BaseAddress.ToString().TrimEnd('/'),
            ["App:PublicBaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
            ["Data:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(DataDirectory, "app.db")}",
            ["Sandbox:Embedded"] = "true",
            ["Bot:AllowAnonymous"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            // The demo's year of fictitious situations (on in appsettings.Development.json) only for tests that ask for it.
            ["Situations:SeedDemoHistory"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:PORT/</c>, also the App's <c>App:PublicBaseUrl</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The bot's messaging endpoint, as an Azure Bot registration would point at it.</summary>
    public Uri BotEndpoint => new(BaseAddress, "api/messages");

    /// <summary>A directory this App owns (its SQLite file lives here); removed on dispose.</summary>
    public string DataDirectory { get; }

    /// <summary>The App's warnings and errors so far.</summary>
    public IReadOnlyList<LogEntry> Logged => _logs.Entries;

    /// <summary>
    /// An App with its port chosen (so others can be pointed at it) but not started yet: call <see cref="Start()"/>.
    /// <paramref name="services"/> replaces services after the App's own (e.g. a <see cref="TimeProvider"/> shared by the
    /// App and its embedded sandbox).
    /// </summary>
    public static AppServer Create(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) => new(settings, services);

    /// <summary>Creates and starts an App on Kestrel; answers once it listens and its start-up (migrations) has run.</summary>
    public static AppServer Start(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var server = Create(settings, services);
        try
        {
            server.Start();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Starts this App on Kestrel at <see cref="BaseAddress"/>.</summary>
    public void Start()
    {
        UseKestrel();
        StartServer();
    }

    /// <summary>Fails when the App logged an error or a critical entry (a turn that threw, a failed database write…).</summary>
    public void AssertNoErrorsLogged()
    {
        var errors = _logs.Errors;
        Assert.True(errors.Count == 0, $"The App logged {errors.Count} error(s):\n{string.Join('\n', errors)}");
    }

    /// <summary>An HttpClient over real TCP to the App.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow machine: the temp directory is cleaned by the OS.
            }
        }
    }
}
