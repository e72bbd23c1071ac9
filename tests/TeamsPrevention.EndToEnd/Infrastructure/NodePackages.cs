using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;

namespace TeamsPrevention.EndToEnd.Infrastructure;

/// <summary>
/// The npm packages the end-to-end tests drive (the Agents Playground, <c>ws</c>), installed with <c>npm ci</c> from the
/// lock file kept beside this project. Installs once per process, and again only when the lock file changed.
/// </summary>
public static class NodePackages
{
    private const string StampFileName = ".teamsprevention-lock.sha256";
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

            var lockHash = Convert.ToHexString(
                SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Directory, "package-lock.json"), cancellationToken)));
            var stamp = Path.Combine(NodeModules, StampFileName);
            if (!File.Exists(stamp) || await File.ReadAllTextAsync(stamp, cancellationToken) != lockHash)
            {
                await RunNpmCiAsync(cancellationToken);
                await File.WriteAllTextAsync(stamp, lockHash, cancellationToken);
            }

            _ready = true;
        }
        finally
        {
            Gate.Release();
        }
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
