namespace TeamsPrevention.App.Directory;

/// <summary>A person as the rest of the product sees them.</summary>
public sealed record DirectoryPerson(
    Guid Id,
    Guid EntraObjectId,
    string? TeamsUserId,
    string DisplayName,
    string? Email,
    string PreferredLanguage,
    Guid OrganisationId,
    bool Active,
    IReadOnlyList<DirectoryRole> Roles)
{
    public bool HasRole(DirectoryRole role) => Roles.Contains(role);

    internal static DirectoryPerson From(Person p) => new(
        p.Id, p.EntraObjectId, p.TeamsUserId, p.DisplayName, p.Email, p.PreferredLanguage, p.OrganisationId, p.Active,
        [.. p.Roles.Select(r => r.Role).Order()]);
}
