using System.Diagnostics;
using Npgsql;

namespace TeamsPrevention.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server for the test run. When <c>TP_TEST_POSTGRES</c> holds a connection string (a role allowed to
/// CREATE DATABASE), that server is used; otherwise a throwaway cluster is created with <c>initdb</c> in a temp
/// directory on a free port (as the <c>postgres</c> user when tests run as root), started once per test run, and
/// stopped and removed when the test process exits. Each test asks for its own fresh database.
/// Missing PostgreSQL binaries fail the test (never a silent skip).
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "TP_TEST_POSTGRES";

    private const string RootPrefix = "tp-pg-";
    private const string OwnerFile = "owner.pid";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _adminConnectionString;

    private PostgresServer(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    /// <summary>The server for this test run, started on first use.</summary>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"tp_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever is still connected.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(external);
        }

        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin. " +
            "Install them with `apt-get install -y postgresql`, or set TP_TEST_POSTGRES to a connection string of a server " +
            "where the user may CREATE DATABASE.");

        var asRoot = Environment.UserName == "root";
        await RemoveOrphansAsync(bin, asRoot);
        var root = Path.Combine(Path.GetTempPath(), $"{RootPrefix}{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres:postgres", root]);
        }

        var port = FreePort.Next();
        var data = Path.Combine(root, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c max_connections=200 -c fsync=off " +
            "-c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "log"), "-w", "-o", options, "start"], asRoot);

        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAsync(bin, data, root, asRoot).GetAwaiter().GetResult();
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;
        return new PostgresServer(connectionString);
    }

    /// <summary>
    /// Clusters left by test runs that were killed before their exit handler ran: stopped and removed when the process
    /// that made them is gone.
    /// </summary>
    private static async Task RemoveOrphansAsync(string bin, bool asRoot)
    {
        foreach (var root in System.IO.Directory.GetDirectories(Path.GetTempPath(), RootPrefix + "*"))
        {
            var owner = Path.Combine(root, OwnerFile);
            if (File.Exists(owner) && int.TryParse(await File.ReadAllTextAsync(owner), out var pid) && IsAlive(pid))
            {
                continue;
            }

            await StopAsync(bin, Path.Combine(root, "data"), root, asRoot);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? FindBinaries()
    {
        const string Parent = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(Parent))
        {
            return null;
        }

        return System.IO.Directory.GetDirectories(Parent)
            .Select(d => (Directory: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .OrderByDescending(x => x.Version)
            .Select(x => Path.Combine(x.Directory, "bin"))
            .FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")));
    }

    private static async Task StopAsync(string bin, string data, string root, bool asRoot)
    {
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot);
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        for (var attempt = 0; attempt < 5 && System.IO.Directory.Exists(root); attempt++)
        {
            try
            {
                System.IO.Directory.Delete(root, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await Task.Delay(100); // A server process still closing files.
            }
        }
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
