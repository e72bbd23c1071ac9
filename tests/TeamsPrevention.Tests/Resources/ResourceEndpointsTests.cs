using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.PersonalData;
using TeamsPrevention.App.Resources;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Resources;

/// <summary><c>/api/resources</c>: the partners' library; any member reads and adds, the owner organisation edits.</summary>
public sealed class ResourceEndpointsTests
{
    private const string CpasPartner = "a1b2c3d4-0006-4000-8000-000000000006";

    [Theory, BothProviders]
    public async Task ListsTheDemoLibraryToAnyMemberWithFilters(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        using var partner = app.CreateClient(DemoPeople.Partner);

        var all = (await partner.GetFromJsonAsync<List<ResourceView>>("/api/resources"))!;
        var communication = await partner.GetFromJsonAsync<List<ResourceView>>("/api/resources?kind=communication");
        var brochures = await partner.GetFromJsonAsync<List<ResourceView>>("/api/resources?tag=Brochure");
        var dutch = await partner.GetFromJsonAsync<List<ResourceView>>("/api/resources?language=nl");
        var search = await partner.GetFromJsonAsync<List<ResourceView>>("/api/resources?q=ESPRIT");
        var school = all.First(r => r.Title.Contains("esprit critique", StringComparison.Ordinal)).OrganisationId;
        var bySchool = await partner.GetFromJsonAsync<List<ResourceView>>($"/api/resources?organisationId={school}");
        var tags = (await partner.GetFromJsonAsync<List<ResourceTagCount>>("/api/resources/tags"))!;

        Assert.Equal(7, all.Count);
        Assert.Equal(all.OrderByDescending(r => r.UpdatedAt).Select(r => r.Id), all.Select(r => r.Id));
        Assert.All(communication!, r => Assert.Equal(ResourceKind.Communication, r.Kind));
        Assert.Equal(3, communication!.Count);
        Assert.Equal(2, brochures!.Count);
        Assert.Equal("nl", Assert.Single(dutch!).Language);
        Assert.Single(search!);
        Assert.Equal(school, Assert.Single(bySchool!).OrganisationId);
        Assert.Equal("École secondaire du Confluent (fictive)", bySchool![0].OrganisationName);
        Assert.All(all, r => Assert.Equal(r.OrganisationId == school, r.CanEdit)); // The partner is the school's.
        Assert.Equal(2, tags.Single(t => t.Tag == "brochure").Count);
        Assert.Equal(tags.Select(t => t.Count).OrderDescending(), tags.Select(t => t.Count));
        Assert.All(all, r => Assert.False(PersonalDataDetector.LooksLikeContactData(r.Title + " " + r.Summary)));
    }

    [Theory, BothProviders]
    public async Task LetsAMemberAddAndOnlyTheOwnerOrganisationOrACoordinatorChangeItAuditingEachChange(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        using var school = app.CreateClient(DemoPeople.Partner);
        using var cpas = app.CreateClient(CpasPartner);
        using var referent = app.CreateClient(DemoPeople.Referent);
        using var coordinator = app.CreateClient(DemoPeople.Coordinator);

        using var created = await school.PostAsJsonAsync("/api/resources", Input("Projet théâtre-forum"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var resource = (await created.Content.ReadFromJsonAsync<ResourceView>())!;
        Assert.Equal($"/api/resources/{resource.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal(["théâtre", "forum"], resource.Tags);
        Assert.True(resource.CanEdit);
        Assert.Equal(resource.OrganisationId, (await SchoolOrganisationAsync(app)));

        using var byOtherPartner = await cpas.PutAsJsonAsync($"/api/resources/{resource.Id}", Input("Repris par le CPAS"));
        using var byReferent = await referent.DeleteAsync(new Uri($"/api/resources/{resource.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, byOtherPartner.StatusCode);
        Assert.Equal("Modification réservée à l'organisation propriétaire.", (await byOtherPartner.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        Assert.Equal(HttpStatusCode.Forbidden, byReferent.StatusCode);
        Assert.False((await cpas.GetFromJsonAsync<ResourceView>($"/api/resources/{resource.Id}"))!.CanEdit);

        using var byCoordinator = await coordinator.PutAsJsonAsync($"/api/resources/{resource.Id}", Input("Projet théâtre-forum (2e édition)"));
        Assert.Equal(HttpStatusCode.OK, byCoordinator.StatusCode);
        var updated = (await byCoordinator.Content.ReadFromJsonAsync<ResourceView>())!;
        Assert.Equal(("Projet théâtre-forum (2e édition)", resource.OrganisationId, resource.CreatedAt), (updated.Title, updated.OrganisationId, updated.CreatedAt));
        Assert.NotEqual(resource.CreatedBy, updated.UpdatedBy);

        Assert.Equal(HttpStatusCode.NoContent, (await school.DeleteAsync(new Uri($"/api/resources/{resource.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(new Uri($"/api/resources/{resource.Id}", UriKind.Relative))).StatusCode);

        var audit = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.TargetType == "Resource" && e.TargetId == resource.Id.ToString()).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(
            [
                (DemoPeople.Partner, AuditAction.Change, AuditOutcome.Success, "resource created"),
                (CpasPartner, AuditAction.Denied, AuditOutcome.Denied, "resource change refused: not the owner organisation"),
                (DemoPeople.Referent, AuditAction.Denied, AuditOutcome.Denied, "resource change refused: not the owner organisation"),
                (DemoPeople.Coordinator, AuditAction.Change, AuditOutcome.Success, "resource updated"),
                (DemoPeople.Partner, AuditAction.Change, AuditOutcome.Success, "resource deleted"),
            ],
            audit.Select(e => (e.Actor, e.Action, e.Outcome, e.Purpose!)));
    }

    [Theory, BothProviders]
    public async Task LetsOnlyACoordinatorOrAdminPublishForAnotherOrganisation(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        var school = await SchoolOrganisationAsync(app);
        using var cpas = app.CreateClient(CpasPartner);
        using var coordinator = app.CreateClient(DemoPeople.Coordinator);

        using var refused = await cpas.PostAsJsonAsync("/api/resources", Input("Pour l'école") with { OrganisationId = school });
        using var accepted = await coordinator.PostAsJsonAsync("/api/resources", Input("Pour l'école") with { OrganisationId = school });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(school, (await accepted.Content.ReadFromJsonAsync<ResourceView>())!.OrganisationId);
    }

    [Fact]
    public async Task RejectsBadInputWithEveryFieldError()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite);
        using var partner = app.CreateClient(DemoPeople.Partner);

        using var response = await partner.PostAsJsonAsync("/api/resources", new ResourceInput(
            "Poster", "ab", "", "http://www.example.org/x", [.. Enumerable.Range(0, 11).Select(i => $"mot{i}")], "es", Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Equal(["kind", "language", "link", "organisationId", "summary", "tags", "title"], problem.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Contact : jean.dupont@ecole-demo.example")]
    [InlineData("Appelez le 0471 23 45 67 pour en parler")]
    [InlineData("Permanence au +32 81 24 60 00")]
    [InlineData("Concerne le 85.07.30-033.61")]
    public async Task RefusesTextThatLooksLikePersonalData(string summary)
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite);
        using var partner = app.CreateClient(DemoPeople.Partner);

        using var response = await partner.PostAsJsonAsync("/api/resources", Input("Titre") with { Summary = summary });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Equal(ResourceProblem.PersonalDataMessage, Assert.Single(problem.Errors["summary"]));
    }

    [Fact]
    public async Task DescribesTheNewApisInTheOpenApiDocument()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite);

        var document = await app.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        var paths = document!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/resources", paths);
        Assert.Contains("/api/resources/{id}", paths);
        Assert.Contains("/api/statistics", paths);
        Assert.Contains("/api/audit/access-report", paths);
        Assert.Contains("/api/audit/anomalies", paths);
    }

    [Fact]
    public async Task RefusesAnonymousCallers()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/resources", UriKind.Relative))).StatusCode);
    }

    private static ResourceInput Input(string title) => new(
        "Project", title, "Un projet de prévention par le théâtre, mené avec des classes de cinquième.", "https://www.example.org/theatre",
        ["Théâtre", " forum ", "théâtre"], "fr", null);

    private static Task<Guid> SchoolOrganisationAsync(DatabaseApp app) =>
        app.InScopeAsync(async sp => (await sp.GetRequiredService<DirectoryService>().FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Partner), CancellationToken.None))!.OrganisationId);
}
