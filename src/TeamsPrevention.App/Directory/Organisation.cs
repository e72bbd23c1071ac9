namespace TeamsPrevention.App.Directory;

/// <summary>The city's cell or a partner organisation.</summary>
public sealed class Organisation
{
    public const int MaxKeyLength = 64;
    public const int MaxNameLength = 200;

    public Guid Id { get; init; }

    /// <summary>A short stable key (<c>cell</c>, <c>cpas</c>), unique.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public OrganisationKind Kind { get; set; }

    public List<Person> People { get; init; } = [];
}
