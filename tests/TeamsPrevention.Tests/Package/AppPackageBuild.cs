using System.Diagnostics;
using System.Text.Json.Nodes;
using TeamsPrevention.Shared;

namespace TeamsPrevention.Tests.Package;

/// <summary>
/// Runs the app package build (<c>node appPackage/build.mjs</c>) as a person would, after <c>npm ci</c> in
/// <c>appPackage/</c> when its node_modules is missing or older than the lock file (<c>NpmPackages</c>, as for CardCheck
/// and the end-to-end tests' Playground). Inherited <c>TP_*</c> variables are removed so only what a test
/// passes reaches the script.
/// </summary>
public static class AppPackageBuild
{
    private static readonly NpmPackages Packages = new(
        NpmPackages.Locate(typeof(AppPackageBuild).Assembly, metadataKey: null, "appPackage"),
        ["@microsoft/app-manifest/build/index.js", "fs-extra/package.json"]);

    /// <summary>The repository's <c>appPackage/</c> folder (build.mjs, manifest.json, env/, localization/, icons).</summary>
    public static string Directory => Packages.Directory;

    /// <summary>Runs <c>node build.mjs --env {env} --out {outDirectory}</c> plus <paramref name="arguments"/>.</summary>
    public static async Task<AppPackageBuildResult> RunAsync(
        string env,
        string outDirectory,
        IEnumerable<string>? arguments = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        await Packages.EnsureInstalledAsync(cancellationToken);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Directory, "build.mjs"));
        foreach (var argument in (string[])["--env", env, "--out", outDirectory, .. arguments ?? []])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TP_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var (exitCode, output, error) = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(1), cancellationToken);
        var lastLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        var report = lastLine is null ? null : JsonNode.Parse(lastLine) as JsonObject;
        if (report is null)
        {
            throw new InvalidOperationException($"build.mjs printed no JSON report (exit {exitCode}):\n{output}\n{error}");
        }

        return new AppPackageBuildResult(exitCode, report, error, Path.Combine(outDirectory, $"appPackage.{env}.zip"));
    }

    /// <summary>Runs <c>node make-icons.mjs --out {outDirectory}</c> (the script that draws the committed icons).</summary>
    public static async Task DrawIconsAsync(string outDirectory, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(Directory, "make-icons.mjs"), "--out", outDirectory])
        {
            start.ArgumentList.Add(argument);
        }

        var (exitCode, output, error) = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(1), cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"make-icons.mjs exited with {exitCode}:\n{output}\n{error}");
        }
    }

    /// <summary>Copies the package's sources (no node_modules, no build output) into <paramref name="target"/>.</summary>
    public static void CopySources(string target)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Directory, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "node_modules" or "build")
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
