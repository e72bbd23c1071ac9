namespace TeamsPrevention.App.Directory;

/// <summary>The <c>Directory</c> section.</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>
    /// Seed the demo city's organisations, people, roles and deputies (<c>Directory/demo-directory.json</c>, the same
    /// values as the sandbox tenant) when the directory is empty. On in <c>appsettings.Development.json</c> only.
    /// </summary>
    public bool SeedDemo { get; set; }
}
