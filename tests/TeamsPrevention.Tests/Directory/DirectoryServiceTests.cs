using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Directory;

/// <summary>The lookups later features call, on the seeded demo directory.</summary>
public sealed class DirectoryServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory, BothProviders]
    public async Task FindsPeopleByObjectIdAndByTeamsUserId(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);

        var (byOid, byTeams, unknown) = await app.InScopeAsync(async s =>
        {
            var directory = s.GetRequiredService<DirectoryService>();
            return (
                await directory.FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Referent), CancellationToken.None),
                await directory.FindByTeamsUserIdAsync($"29:sandbox-{DemoPeople.Referent}", CancellationToken.None),
                await directory.FindByEntraObjectIdAsync(Guid.NewGuid(), CancellationToken.None));
        });

        Assert.Equal([DirectoryRole.Referent], byOid!.Roles);
        Assert.Equal(byOid.Id, byTeams!.Id);
        Assert.Null(unknown);
    }

    [Theory, BothProviders]
    public async Task RecordsTheTeamsUserIdWhenFirstSeenAndAuditsIt(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        var oid = Guid.Parse(DemoPeople.Partner);

        var (recorded, unknown, found) = await app.InScopeAsync(async s =>
        {
            var directory = s.GetRequiredService<DirectoryService>();
            return (
                await directory.RecordTeamsUserIdAsync(oid, "29:first-seen", CancellationToken.None),
                await directory.RecordTeamsUserIdAsync(Guid.NewGuid(), "29:stranger", CancellationToken.None),
                await directory.FindByTeamsUserIdAsync("29:first-seen", CancellationToken.None));
        });

        Assert.True(recorded);
        Assert.False(unknown);
        Assert.Equal(oid, found!.EntraObjectId);
        Assert.Equal(2, await app.Database.CountAsync("AuditEntries")); // Seed + the recorded id.
    }

    [Theory, BothProviders]
    public async Task ResolvesTheDeputyStandingInAtAGivenTime(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);

        var (standing, duringLeave, afterLeave) = await app.InScopeAsync(async s =>
        {
            var directory = s.GetRequiredService<DirectoryService>();
            var referent = (await directory.FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Referent), CancellationToken.None))!;
            var police = (await directory.FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.PoliceReferent), CancellationToken.None))!;
            // The police referent stands in for the referent during one week of leave (seeded: the coordinator always does).
            var admin = (await directory.FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Admin), CancellationToken.None))!;
            await s.GetRequiredService<DirectoryAdministration>().CreateDeputyshipAsync(new DeputyshipInput(referent.Id, police.Id, Now, Now.AddDays(7)), admin, CancellationToken.None);
            return (
                await directory.GetDeputyAsync(referent.Id, Now.AddDays(-1), CancellationToken.None),
                await directory.GetDeputyAsync(referent.Id, Now.AddDays(3), CancellationToken.None),
                await directory.GetDeputyAsync(referent.Id, Now.AddDays(7), CancellationToken.None));
        });

        Assert.Equal(Guid.Parse(DemoPeople.Coordinator), standing!.EntraObjectId);
        Assert.Equal(Guid.Parse(DemoPeople.PoliceReferent), duringLeave!.EntraObjectId);
        Assert.Equal(Guid.Parse(DemoPeople.Coordinator), afterLeave!.EntraObjectId);
    }

    [Theory, BothProviders]
    public async Task EscalatesToTheDeputyThenTheChair(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);

        var (referentChain, policeChain, chairChain) = await app.InScopeAsync(async s =>
        {
            var directory = s.GetRequiredService<DirectoryService>();
            async Task<IReadOnlyList<DirectoryPerson>> ChainOf(string oid) => await directory.GetEscalationChainAsync(
                (await directory.FindByEntraObjectIdAsync(Guid.Parse(oid), CancellationToken.None))!.Id, Now, CancellationToken.None);
            return (await ChainOf(DemoPeople.Referent), await ChainOf(DemoPeople.PoliceReferent), await ChainOf(DemoPeople.Chair));
        });

        Assert.Equal([DemoPeople.Coordinator, DemoPeople.Chair], referentChain.Select(p => p.EntraObjectId.ToString()));
        Assert.Equal([DemoPeople.Chair], policeChain.Select(p => p.EntraObjectId.ToString())); // No deputy: the Chair.
        Assert.Equal([DemoPeople.Coordinator], chairChain.Select(p => p.EntraObjectId.ToString())); // The chair's delegate, never the Chair herself.
    }

    [Theory, BothProviders]
    public async Task SkipsAnInactiveDeputy(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);

        var deputy = await app.InScopeAsync(async s =>
        {
            var directory = s.GetRequiredService<DirectoryService>();
            var coordinator = (await directory.FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Coordinator), CancellationToken.None))!;
            var admin = (await directory.FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Admin), CancellationToken.None))!;
            await s.GetRequiredService<DirectoryAdministration>().UpdatePersonAsync(
                coordinator.Id,
                new PersonInput(coordinator.EntraObjectId, coordinator.DisplayName, coordinator.Email, coordinator.PreferredLanguage, coordinator.OrganisationId, ["Coordinator"], Active: false),
                admin,
                CancellationToken.None);
            var referent = (await directory.FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Referent), CancellationToken.None))!;
            return await directory.GetDeputyAsync(referent.Id, Now, CancellationToken.None);
        });

        Assert.Null(deputy);
    }

    [Theory, BothProviders]
    public async Task ListsPeopleWithARoleAndContactsOfAnOrganisation(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);

        var (partners, cellContacts, roles) = await app.InScopeAsync(async s =>
        {
            var directory = s.GetRequiredService<DirectoryService>();
            var cell = (await directory.GetOrganisationsAsync(CancellationToken.None)).Single(o => o.Key == "cell");
            var dpo = (await directory.FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Dpo), CancellationToken.None))!;
            return (
                await directory.GetPeopleWithRoleAsync(DirectoryRole.Partner, CancellationToken.None),
                await directory.GetContactsAsync(cell.Id, CancellationToken.None),
                await directory.GetRolesAsync(dpo.Id, CancellationToken.None));
        });

        Assert.Equal(4, partners.Count);
        Assert.All(partners, p => Assert.Contains(DirectoryRole.Partner, p.Roles));
        Assert.Equal(6, cellContacts.Count);
        Assert.Equal([DirectoryRole.Dpo], roles);
    }
}
