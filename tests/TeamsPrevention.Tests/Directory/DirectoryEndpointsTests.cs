using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Directory;

/// <summary><c>/api/directory</c>: members read, the Admin writes (roles: see <see cref="RoleGrantTests"/>), bad input is refused whole with every field error.</summary>
public sealed class DirectoryEndpointsTests
{
    [Theory, BothProviders]
    public async Task AdminCreatesAndUpdatesOrganisationsPeopleAndDeputies(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        using var admin = app.CreateClient(DemoPeople.Admin);

        var created = await admin.PostAsJsonAsync("/api/directory/organisations", new { key = "maison-jeunes", name = "Maison de jeunes (fictive)", kind = "YouthService" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var organisation = (await created.Content.ReadFromJsonAsync<DirectoryOrganisation>())!;
        Assert.Equal(OrganisationKind.YouthService, organisation.Kind);

        var oid = Guid.NewGuid();
        var personResponse = await admin.PostAsJsonAsync("/api/directory/people", new
        {
            entraObjectId = oid,
            displayName = "Inès Fictive",
            email = "ines.fictive@namur-demo.example",
            preferredLanguage = "nl",
            organisationId = organisation.Id,
            roles = new[] { "Partner" },
        });
        Assert.Equal(HttpStatusCode.Created, personResponse.StatusCode);
        var person = (await personResponse.Content.ReadFromJsonAsync<DirectoryPerson>())!;
        Assert.Equal(personResponse.Headers.Location, new Uri($"/api/directory/people/{person.Id}", UriKind.Relative));

        var updated = await admin.PutAsJsonAsync($"/api/directory/people/{person.Id}", new
        {
            entraObjectId = oid,
            displayName = "Inès Fictive",
            organisationId = organisation.Id,
            roles = new[] { "partner", "Dpo" },
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var reread = await admin.GetFromJsonAsync<DirectoryPerson>($"/api/directory/people/{person.Id}");
        Assert.Equal([DirectoryRole.Partner, DirectoryRole.Dpo], reread!.Roles);
        Assert.Equal("fr", reread.PreferredLanguage); // Left out: French by default.
        Assert.Null(reread.Email);

        var chair = (await admin.GetFromJsonAsync<List<DirectoryPerson>>("/api/directory/people?role=Chair"))!.Single();
        var deputy = await admin.PostAsJsonAsync("/api/directory/deputies", new { personId = person.Id, deputyId = chair.Id });
        Assert.Equal(HttpStatusCode.Created, deputy.StatusCode);
        var deputyship = (await deputy.Content.ReadFromJsonAsync<DirectoryDeputyship>())!;
        Assert.Single((await admin.GetFromJsonAsync<List<DirectoryDeputyship>>($"/api/directory/deputies?personId={person.Id}"))!);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/directory/deputies/{deputyship.Id}", UriKind.Relative))).StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<List<DirectoryDeputyship>>($"/api/directory/deputies?personId={person.Id}"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(new Uri($"/api/directory/deputies/{deputyship.Id}", UriKind.Relative))).StatusCode);

        var contacts = await admin.GetFromJsonAsync<List<DirectoryPerson>>($"/api/directory/organisations/{organisation.Id}/contacts");
        Assert.Equal([person.Id], contacts!.Select(c => c.Id));
        // Seed, organisation, person created and Partner granted, person updated and Dpo granted, deputyship created, deputyship removed.
        Assert.Equal(8, await app.Database.CountAsync("AuditEntries"));
    }

    [Theory, BothProviders]
    public async Task RefusesAnInvalidPersonWithEveryFieldErrorAndWritesNothing(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        using var admin = app.CreateClient(DemoPeople.Admin);

        var response = await admin.PostAsJsonAsync("/api/directory/people", new
        {
            entraObjectId = Guid.Parse(DemoPeople.Chair), // Already in the directory.
            displayName = "  ",
            email = "not an address",
            preferredLanguage = "es",
            organisationId = Guid.NewGuid(),
            roles = new[] { "Partner", "Mayor" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Equal(
            ["displayName", "email", "entraObjectId", "organisationId", "preferredLanguage", "roles[1]"],
            problem.Errors.Keys.Order());
        Assert.Equal(11, await app.Database.CountAsync("People"));
        Assert.Equal(1, await app.Database.CountAsync("AuditEntries"));
    }

    [Theory, BothProviders]
    public async Task RefusesAnInvalidOrganisationAndADeputyOfThemselves(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        using var admin = app.CreateClient(DemoPeople.Admin);
        var chair = (await admin.GetFromJsonAsync<List<DirectoryPerson>>("/api/directory/people?role=Chair"))!.Single();

        var organisation = await admin.PostAsJsonAsync("/api/directory/organisations", new { key = "Cell Two!", name = "", kind = "Church" });
        var duplicate = await admin.PostAsJsonAsync("/api/directory/organisations", new { key = "cell", name = "Autre", kind = "City" });
        var deputy = await admin.PostAsJsonAsync("/api/directory/deputies", new { personId = chair.Id, deputyId = chair.Id });
        var malformed = await admin.PostAsync(new Uri("/api/directory/organisations", UriKind.Relative), new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(["key", "kind", "name"], (await organisation.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.Order());
        Assert.Equal(["key"], (await duplicate.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(["deputyId"], (await deputy.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(6, await app.Database.CountAsync("Organisations"));
    }

    [Theory, BothProviders]
    public async Task LetsMembersReadButNotWriteAndAuditsTheRefusal(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        using var partner = app.CreateClient(DemoPeople.Partner);

        var me = await partner.GetFromJsonAsync<DirectoryPerson>("/api/directory/me");
        var referents = await partner.GetFromJsonAsync<List<DirectoryPerson>>("/api/directory/people?role=Referent");
        var write = await partner.PostAsJsonAsync("/api/directory/organisations", new { key = "x", name = "X", kind = "Other" });

        Assert.Equal(Guid.Parse(DemoPeople.Partner), me!.EntraObjectId);
        Assert.Single(referents!);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(6, await app.Database.CountAsync("Organisations"));
        Assert.Equal(2, await app.Database.CountAsync("AuditEntries")); // Seed + the denial.
    }

    [Theory, BothProviders]
    public async Task RefusesStrangersAndAnonymousCallers(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        using var stranger = app.CreateClient(Guid.NewGuid().ToString());
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(new Uri("/api/directory/people", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/directory/people", UriKind.Relative))).StatusCode);
    }

    [Theory, BothProviders]
    public async Task RefusesPeopleDeactivatedByTheAdmin(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        using var admin = app.CreateClient(DemoPeople.Admin);
        using var partner = app.CreateClient(DemoPeople.Partner);
        var me = (await partner.GetFromJsonAsync<DirectoryPerson>("/api/directory/me"))!;

        var deactivate = await admin.PutAsJsonAsync($"/api/directory/people/{me.Id}", new
        {
            entraObjectId = me.EntraObjectId,
            displayName = me.DisplayName,
            organisationId = me.OrganisationId,
            roles = me.Roles,
            active = false,
        });

        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(new Uri("/api/directory/me", UriKind.Relative))).StatusCode);
    }
}
