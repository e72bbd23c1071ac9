using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Directory;

/// <summary>The demo directory mirrors the sandbox tenant, is seeded once, and only when asked.</summary>
public sealed class DemoDirectorySeedTests
{
    [Theory, BothProviders]
    public async Task SeedsThePersonasOfTheSandboxTenant(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);

        var people = await app.InScopeAsync(s => s.GetRequiredService<DirectoryService>().GetPeopleAsync(null, null, CancellationToken.None));
        var organisations = await app.InScopeAsync(s => s.GetRequiredService<DirectoryService>().GetOrganisationsAsync(CancellationToken.None));

        Assert.Equal(DemoTenant.Personas.Count, people.Count);
        foreach (var persona in DemoTenant.Personas)
        {
            var person = Assert.Single(people, p => p.EntraObjectId == Guid.Parse(persona.ObjectId));
            var organisation = Assert.Single(organisations, o => o.Id == person.OrganisationId);
            Assert.Equal(
                (persona.DisplayName, persona.PreferredLanguage[..2], persona.OrganisationKey, persona.TeamsUserId, persona.UserPrincipalName),
                (person.DisplayName, person.PreferredLanguage, organisation.Key, person.TeamsUserId, person.Email));
            Assert.Equal([Enum.Parse<DirectoryRole>(persona.Role)], person.Roles);
        }

        Assert.Equal(
            DemoTenant.Organisations.Select(o => (o.Key, o.Name, o.Kind)).Order(),
            organisations.Select(o => (o.Key, o.Name, o.Kind.ToString())).Order());
    }

    [Theory, BothProviders]
    public async Task SeedsOnlyOnceAcrossRestarts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (DatabaseApp.StartOn(database))
        {
        }

        await using var restarted = DatabaseApp.StartOn(database);

        Assert.Equal(DemoTenant.Personas.Count, await database.CountAsync("People"));
        Assert.Equal(DemoTenant.Organisations.Count, await database.CountAsync("Organisations"));
        Assert.Equal(4, await database.CountAsync("Deputyships"));
        Assert.Equal(1, await database.CountAsync("AuditEntries"));
    }

    [Theory, BothProviders]
    public async Task LeavesTheDirectoryEmptyWhenSeedDemoIsOff(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, new Dictionary<string, string?> { ["Directory:SeedDemo"] = "false" });

        Assert.Equal(0, await app.Database.CountAsync("People"));
        Assert.Equal(0, await app.Database.CountAsync("Organisations"));
    }
}
