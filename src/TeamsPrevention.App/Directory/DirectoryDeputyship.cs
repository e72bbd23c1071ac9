namespace TeamsPrevention.App.Directory;

/// <summary>A deputyship as the rest of the product sees it.</summary>
public sealed record DirectoryDeputyship(Guid Id, Guid PersonId, Guid DeputyId, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil)
{
    internal static DirectoryDeputyship From(Deputyship d) => new(d.Id, d.PersonId, d.DeputyId, d.ValidFrom, d.ValidUntil);
}
