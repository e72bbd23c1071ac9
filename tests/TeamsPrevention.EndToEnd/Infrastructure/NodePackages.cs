using TeamsPrevention.Shared;

namespace TeamsPrevention.EndToEnd.Infrastructure;

/// <summary>
/// The npm packages the end-to-end tests drive (the Agents Playground, <c>ws</c>), installed with <c>npm ci</c> from the
/// lock file kept beside this project, when node_modules is missing or older than the lock file (checked once per process).
/// </summary>
public static class NodePackages
{
    private static readonly NpmPackages Packages = new(
        NpmPackages.Locate(typeof(NodePackages).Assembly, "NodePackagesDirectory", Path.Combine("tests", "TeamsPrevention.EndToEnd")),
        ["@microsoft/m365agentsplayground/cli.js", "ws/package.json"]);

    /// <summary>The folder holding <c>package.json</c>, <c>package-lock.json</c> and <c>node_modules</c>.</summary>
    public static string Directory => Packages.Directory;

    public static string NodeModules => Packages.NodeModules;

    /// <summary>Runs <c>npm ci</c> when node_modules is missing or was installed from another lock file.</summary>
    public static Task EnsureInstalledAsync(CancellationToken cancellationToken) => Packages.EnsureInstalledAsync(cancellationToken);
}
