namespace TeamsPrevention.App.Directory;

/// <summary>One role held by one person.</summary>
public sealed class PersonRole
{
    public Guid PersonId { get; init; }

    public DirectoryRole Role { get; init; }
}
