using System.Diagnostics;
using System.Reflection;

namespace TeamsPrevention.EndToEnd.Infrastructure;

/// <summary>
/// The npm packages the end-to-end tests drive (the Agents Playground, <c>ws</c>), installed with <c>npm ci</c> from the
/// lock file kept beside this project, when node_modules is missing or older than the lock file (checked once per process).
/// </summary>
public static class NodePackages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _ready;

    /// <summary>The folder holding <c>package.json</c>, <c>package-lock.json</c> and <c>node_modules</c>.</summary>
    public static string Directory { get; } = FindDirectory();

    public static string NodeModules => Path.Combine(Directory, "node_modules");

    /// <summary>Runs <c>npm ci</c> when node_modules is missing or was installed from another lock file.</summary>
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            if (IsStale())
            {
                await RunNpmCiAsync(cancellationToken);
            }

            _ready = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// npm's own test: <c>npm ci</c> writes <c>node_modules/.package-lock.json</c>; it is stale when older than the lock
    /// file or package.json (a pull that changed them), or when a package it lists is missing.
    /// </summary>
    private static bool IsStale()
    {
        var installed = new FileInfo(Path.Combine(NodeModules, ".package-lock.json"));
        if (!installed.Exists)
        {
            return true;
        }

        var changed = new[] { "package-lock.json", "package.json" }
            .Max(f => File.GetLastWriteTimeUtc(Path.Combine(Directory, f)));
        return installed.LastWriteTimeUtc < changed
            || !File.Exists(Path.Combine(NodeModules, "@microsoft", "m365agentsplayground", "cli.js"))
            || !File.Exists(Path.Combine(NodeModules, "ws", "package.json"));
    }

    private static async Task RunNpmCiAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started.");
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = npm.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw;
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`npm ci` in {Directory} exited with {npm.ExitCode}:\n{await output}\n{await error}");
        }
    }

    private static string FindDirectory()
    {
        var fromBuild = typeof(NodePackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NodePackagesDirectory")?.Value;
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "package-lock.json")))
        {
            return fromBuild;
        }

        // The build folder moved (a copied output): look upwards for the project folder.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "TeamsPrevention.EndToEnd");
            if (File.Exists(Path.Combine(candidate, "package-lock.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/TeamsPrevention.EndToEnd/package-lock.json not found.");
    }
}
