namespace TeamsPrevention.App.Directory;

/// <summary>The shape of <c>demo-directory.json</c>.</summary>
internal sealed record DemoDirectory(
    IReadOnlyList<DemoDirectory.OrganisationEntry> Organisations,
    IReadOnlyList<DemoDirectory.PersonEntry> People,
    IReadOnlyList<DemoDirectory.DeputyEntry> Deputies)
{
    internal sealed record OrganisationEntry(string Key, string Name, string Kind);

    internal sealed record PersonEntry(
        Guid EntraObjectId,
        string DisplayName,
        string? Email,
        string PreferredLanguage,
        string Organisation,
        IReadOnlyList<string> Roles,
        string? TeamsUserId);

    /// <param name="Person">Entra object id of the person.</param>
    /// <param name="Deputy">Entra object id of their deputy.</param>
    /// <param name="Note">Why, for whoever reads the file.</param>
    internal sealed record DeputyEntry(Guid Person, Guid Deputy, string? Note);
}
