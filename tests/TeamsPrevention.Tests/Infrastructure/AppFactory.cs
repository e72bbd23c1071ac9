using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TeamsPrevention.Tests.Infrastructure;

/// <summary>
/// The real App, in memory, with its own SQLite file and its own settings. Each test that needs an App owns one.
/// Settings are given as configuration keys (<c>"Bot:AllowAnonymous" = "true"</c>) and override appsettings.json.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public AppFactory(IDictionary<string, string?>? settings = null, string environment = "Development")
    {
        Environment = environment;
        DataDirectory = Path.Combine(Path.GetTempPath(), "tp-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>
        {
            ["Data:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(DataDirectory, "app.db")}",
            // No sandbox in process unless a test asks: tests point the App at a sandbox they start themselves.
            ["Sandbox:Embedded"] = "false",
            // Never the 5080 of appsettings.json: a test that serves on real Kestrel takes any free port.
            ["Urls"] = "http://127.0.0.1:0",
            // The demo's year of fictitious situations (on in appsettings.Development.json) only for tests that ask for it.
            ["Situations:SeedDemoHistory"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Environment { get; }

    /// <summary>A directory this App owns (its SQLite file lives here); removed on dispose.</summary>
    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
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
