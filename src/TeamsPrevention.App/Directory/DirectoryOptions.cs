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

    /// <summary>
    /// The Entra object id of the first Chair (the mayor or their delegate). The Chair alone grants the roles that open
    /// case content; while no active person holds the Chair role, the Admin may record this person, and only this
    /// person, with it. Unset: the first Chair can only come from the demo seed.
    /// </summary>
    public Guid? FirstChair { get; set; }
}
