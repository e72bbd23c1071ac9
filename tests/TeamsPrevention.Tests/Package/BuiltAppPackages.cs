namespace TeamsPrevention.Tests.Package;

/// <summary>
/// The sandbox and production packages built once for the read-only assertions of <see cref="AppPackageTests"/>
/// (each build compiles the official schema: about 2–3 s), in a temporary folder of their own.
/// </summary>
public sealed class BuiltAppPackages : IAsyncLifetime
{
    private readonly Dictionary<string, AppPackageBuildResult> _results = [];

    public string OutDirectory { get; } = Path.Combine(Path.GetTempPath(), "tp-tests", "pkg-" + Guid.NewGuid().ToString("N"));

    public AppPackageBuildResult this[string env] => _results[env];

    public async Task InitializeAsync()
    {
        foreach (var env in (string[])["sandbox", "production"])
        {
            _results[env] = await AppPackageBuild.RunAsync(env, OutDirectory);
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(OutDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }

        return Task.CompletedTask;
    }
}
