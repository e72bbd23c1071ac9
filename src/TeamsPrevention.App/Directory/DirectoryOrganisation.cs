namespace TeamsPrevention.App.Directory;

/// <summary>An organisation as the rest of the product sees it.</summary>
public sealed record DirectoryOrganisation(Guid Id, string Key, string Name, OrganisationKind Kind)
{
    internal static DirectoryOrganisation From(Organisation o) => new(o.Id, o.Key, o.Name, o.Kind);
}
