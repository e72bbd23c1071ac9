using System.Diagnostics;
using System.Reflection;

namespace TeamsPrevention.Shared;

/// <summary>
/// The npm packages of one folder (its <c>package.json</c> and <c>package-lock.json</c>), installed with <c>npm ci</c>
/// when node_modules is missing or stale (checked once per process and instance). Shared as a linked file by the test
/// projects: the Agents Playground of the end-to-end tests, the Adaptive Card checker and the app package build.
/// </summary>
/// <param name="directory">The folder holding package.json, package-lock.json and node_modules.</param>
/// <param name="requiredFiles">Files under node_modules (paths with <c>/</c>) whose absence means the install is incomplete.</param>
internal sealed class NpmPackages(string directory, IReadOnlyList<string> requiredFiles)
{
    private static readonly TimeSpan InstallLimit = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ready;

    public string Directory { get; } = directory;

    public string NodeModules => Path.Combine(Directory, "node_modules");

    /// <summary>
    /// The folder named by the build (an <c>AssemblyMetadata</c> attribute <paramref name="metadataKey"/> of
    /// <paramref name="assembly"/>) when it holds a package-lock.json; otherwise (a copied build output, or no key)
    /// <paramref name="repositoryPath"/> under the first folder above the binary that has it.
    /// </summary>
    public static string Locate(Assembly assembly, string? metadataKey, string repositoryPath)
    {
        var fromBuild = metadataKey is null
            ? null
            : assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == metadataKey)?.Value;
        if (fromBuild is not null && File.Exists(Path.Combine(fromBuild, "package-lock.json")))
        {
            return fromBuild;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, repositoryPath);
            if (File.Exists(Path.Combine(candidate, "package-lock.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{repositoryPath}/package-lock.json not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Runs <c>npm ci</c> when node_modules is missing, was installed from another lock file, or lacks a required file.</summary>
    public async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            if (IsStale())
            {
                var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error")
                {
                    WorkingDirectory = Directory,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                var (exitCode, output, error) = await ChildProcess.RunAsync(start, InstallLimit, cancellationToken);
                if (exitCode != 0)
                {
                    throw new InvalidOperationException($"`npm ci` in {Directory} exited with {exitCode}:\n{output}\n{error}");
                }
            }

            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// npm's own test: <c>npm ci</c> writes <c>node_modules/.package-lock.json</c>; it is stale when older than the lock
    /// file or package.json (a pull that changed them), or when a required package is missing.
    /// </summary>
    private bool IsStale()
    {
        var installed = new FileInfo(Path.Combine(NodeModules, ".package-lock.json"));
        if (!installed.Exists)
        {
            return true;
        }

        var changed = new[] { "package-lock.json", "package.json" }.Max(f => File.GetLastWriteTimeUtc(Path.Combine(Directory, f)));
        return installed.LastWriteTimeUtc < changed
            || requiredFiles.Any(f => !File.Exists(Path.Combine([NodeModules, .. f.Split('/')])));
    }
}
