using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Shared;

/// <summary>
/// The sandbox's synthetic personas (<see cref="SyntheticPersonas"/>) written into the App's directory, as an
/// administrator would import them: one organisation, every person a Partner. Shared as a linked file by the
/// end-to-end tests and the benchmark.
/// </summary>
internal static class SyntheticDirectory
{
    /// <summary>Adds the first <paramref name="count"/> synthetic personas; returns their person ids in persona order.</summary>
    public static async Task<List<Guid>> AddPeopleAsync(AppDbContext db, int count, CancellationToken cancellationToken)
    {
        var organisation = new Organisation { Id = Guid.NewGuid(), Key = "synthetic", Name = "Organisation synthétique", Kind = OrganisationKind.Association };
        db.Add(organisation);
        var ids = new List<Guid>();
        foreach (var persona in SyntheticPersonas.Create(count))
        {
            var id = Guid.NewGuid();
            db.Add(new Person
            {
                Id = id,
                EntraObjectId = Guid.Parse(persona.ObjectId),
                TeamsUserId = persona.TeamsUserId,
                DisplayName = persona.DisplayName,
                PreferredLanguage = persona.PreferredLanguage[..2],
                OrganisationId = organisation.Id,
                Roles = [new PersonRole { PersonId = id, Role = DirectoryRole.Partner }],
            });
            ids.Add(id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ids;
    }
}
