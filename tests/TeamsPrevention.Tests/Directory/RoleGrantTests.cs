using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Directory;

/// <summary>
/// Who may give whom which role (issue 19 item 3): nobody their own, the Chair alone the roles that open case content,
/// the Admin the others, never Admin with a case role; each grant audited as a grant and told to the Chair and the DPO.
/// </summary>
public sealed class RoleGrantTests
{
    private static readonly string Anne = DemoTenant.Personas.First(p => p.DisplayName == "Anne Leroy").ObjectId;
    private static readonly string Emma = DemoTenant.Personas.First(p => p.DisplayName == "Emma Wilson").ObjectId;

    [Theory, BothProviders]
    public async Task RefusesTheAdminGivingHimselfCaseAccessAndAuditsTheRefusal(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var code = await h.ReportAsync(DemoPeople.Referent);
        var admin = await PersonAsync(h, DemoPeople.Admin);

        using var withChair = await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{admin.Id}", Input(admin, "Admin", "Chair"));
        using var chairOnly = await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{admin.Id}", Input(admin, "Chair"));

        Assert.Equal(HttpStatusCode.Forbidden, withChair.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, chairOnly.StatusCode);
        var problem = (await withChair.Content.ReadFromJsonAsync<ProblemDetails>())!;
        Assert.Equal("Modification de l'annuaire non autorisée.", problem.Title);
        Assert.Equal([DirectoryRole.Admin], (await PersonAsync(h, DemoPeople.Admin)).Roles);
        using var situation = await h.As(DemoPeople.Admin).GetAsync($"/api/situations/{code}");
        var seen = (await situation.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
        Assert.Equal("metadata", seen["summary"]!["access"]!.GetValue<string>());
        Assert.Null(seen["signalText"]);
        var denials = (await h.AuditAsync()).Where(e => e.Action == AuditAction.Denied && e.TargetType == "Person").ToList();
        Assert.Equal(2, denials.Count);
        Assert.All(denials, d => Assert.Equal((DemoPeople.Admin, AuditOutcome.Denied, admin.Id.ToString()), (d.Actor, d.Outcome, d.TargetId)));
        Assert.DoesNotContain(await h.AuditAsync(), e => e.Action == AuditAction.Grant);
    }

    [Theory, BothProviders]
    public async Task LetsOnlyTheChairGrantOrWithdrawACaseRoleAndOnlyTheAdminTheOthers(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var anne = await PersonAsync(h, Anne);

        using var adminGrants = await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{anne.Id}", Input(anne, "Partner", "Referent"));
        using var chairGrants = await h.As(DemoPeople.Chair).PutAsJsonAsync($"/api/directory/people/{anne.Id}", Input(anne, "Partner", "Referent"));
        using var adminWithdraws = await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{anne.Id}", Input(anne, "Partner"));
        using var chairGrantsDpo = await h.As(DemoPeople.Chair).PutAsJsonAsync($"/api/directory/people/{anne.Id}", Input(anne, "Partner", "Referent", "Dpo"));
        using var adminGrantsDpo = await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{anne.Id}", Input(anne, "Partner", "Referent", "Dpo"));
        using var coordinatorEdits = await h.As(DemoPeople.Coordinator).PutAsJsonAsync($"/api/directory/people/{anne.Id}", Input(anne, "Partner"));

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Forbidden],
            new[] { adminGrants, chairGrants, adminWithdraws, chairGrantsDpo, adminGrantsDpo, coordinatorEdits }.Select(r => r.StatusCode));
        Assert.Equal([DirectoryRole.Referent, DirectoryRole.Partner, DirectoryRole.Dpo], (await PersonAsync(h, Anne)).Roles);
        var audit = await h.AuditAsync();
        var grants = audit.Where(e => e.Action == AuditAction.Grant).ToList();
        Assert.Equal(
            [(DemoPeople.Chair, "Chair", "directory: role Referent granted"), (DemoPeople.Admin, "Admin", "directory: role Dpo granted")],
            grants.Select(g => (g.Actor, g.ActorRole, g.Purpose)));
        Assert.All(grants, g => Assert.Equal(("Person", anne.Id.ToString()), (g.TargetType, g.TargetId)));
        Assert.Equal(
            ["directory: change refused (case role without the Chair)", "directory: change refused (case role without the Chair)", "directory: change refused (role without the Admin)"],
            audit.Where(e => e.Action == AuditAction.Denied && e.TargetType == "Person").Select(e => e.Purpose));
        Assert.Contains(audit, e => e.Action == AuditAction.Denied && e.Actor == DemoPeople.Coordinator && e.Purpose == "policy directory:people");
    }

    [Theory, BothProviders]
    public async Task NeverLetsAdminGoWithACaseRoleAndSaysSoInTheCallersLanguage(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var admin = await PersonAsync(h, DemoPeople.Admin);
        var emma = await PersonAsync(h, Emma);

        using var french = await h.As(DemoPeople.Chair).PutAsJsonAsync($"/api/directory/people/{admin.Id}", Input(admin, "Admin", "Referent"));
        // The Chair delegates: Emma (English) becomes a Chair and tries the same.
        (await h.As(DemoPeople.Chair).PutAsJsonAsync($"/api/directory/people/{emma.Id}", Input(emma, "Partner", "Chair"))).EnsureSuccessStatusCode();
        using var english = await h.As(Emma).PutAsJsonAsync($"/api/directory/people/{admin.Id}", Input(admin, "Admin", "Secretary"));
        using var adminCreates = await h.As(DemoPeople.Admin).PostAsJsonAsync("/api/directory/people", new
        {
            entraObjectId = Guid.NewGuid(),
            displayName = "Compte de service (fictif)",
            organisationId = admin.OrganisationId,
            roles = new[] { "Admin", "Coordinator" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, french.StatusCode);
        Assert.Equal(
            "Le rôle d'administrateur ne se cumule pas avec un rôle qui donne accès aux situations.",
            Assert.Single((await french.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!.Errors["roles"]));
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        var problem = (await english.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        Assert.Equal("Invalid data.", problem.Title);
        Assert.Equal("The administrator role is never held with a role that opens the situations.", Assert.Single(problem.Errors["roles"]));
        Assert.Equal(HttpStatusCode.Forbidden, adminCreates.StatusCode); // Coordinator is the Chair's to grant.
        Assert.Equal([DirectoryRole.Admin], (await PersonAsync(h, DemoPeople.Admin)).Roles);
    }

    [Theory, BothProviders]
    public async Task KeepsTheIdentityOfACaseRoleHolderAndOwnDeputiesFromTheAdmin(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var referent = await PersonAsync(h, DemoPeople.Referent);
        var admin = await PersonAsync(h, DemoPeople.Admin);
        var chair = await PersonAsync(h, DemoPeople.Chair);
        var otherAccount = Guid.NewGuid();

        using var repointed = await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{referent.Id}", Input(referent, "Referent") with { EntraObjectId = otherAccount });
        using var ownOrganisation = await h.As(DemoPeople.Admin).PutAsJsonAsync(
            $"/api/directory/people/{admin.Id}", Input(admin, "Admin") with { OrganisationId = await h.OrganisationIdAsync("police") });
        using var ownDeputy = await h.As(DemoPeople.Admin).PostAsJsonAsync("/api/directory/deputies", new { personId = chair.Id, deputyId = admin.Id });
        using var deactivated = await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{referent.Id}", Input(referent, "Referent") with { Active = false });
        using var reactivated = await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{referent.Id}", Input(referent, "Referent"));
        using var byTheChair = await h.As(DemoPeople.Chair).PutAsJsonAsync($"/api/directory/people/{referent.Id}", Input(referent, "Referent"));

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.OK],
            new[] { repointed, ownOrganisation, ownDeputy, deactivated, reactivated, byTheChair }.Select(r => r.StatusCode));
        Assert.Equal(Guid.Parse(DemoPeople.Referent), (await PersonAsync(h, DemoPeople.Referent)).EntraObjectId);
        Assert.Equal(admin.OrganisationId, (await PersonAsync(h, DemoPeople.Admin)).OrganisationId);
        Assert.Equal(
            ["identity of a case-role holder without the Chair", "own record", "own deputyship", "identity of a case-role holder without the Chair"],
            (await h.AuditAsync()).Where(e => e.Action == AuditAction.Denied).Select(e => e.Purpose!.Replace("directory: change refused (", "", StringComparison.Ordinal).TrimEnd(')')));
    }

    [Theory, BothProviders]
    public async Task LetsTheAdminRecordTheConfiguredFirstChairOnlyWhileThereIsNone(DatabaseProvider provider)
    {
        var pieter = DemoTenant.Personas.First(p => p.DisplayName == "Pieter De Smet").ObjectId;
        await using var h = await SituationsHarness.StartAsync(provider, null, null, new Dictionary<string, string?> { ["Directory:FirstChair"] = pieter });
        var person = await PersonAsync(h, pieter);
        var anne = await PersonAsync(h, Anne);
        var chair = await PersonAsync(h, DemoPeople.Chair);

        using var whileAChairIsActive = await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{person.Id}", Input(person, "Partner", "Chair"));
        (await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{chair.Id}", Input(chair, "Chair") with { Active = false })).EnsureSuccessStatusCode();
        using var notConfigured = await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{anne.Id}", Input(anne, "Partner", "Chair"));
        using var withMore = await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{person.Id}", Input(person, "Partner", "Chair", "Referent"));
        using var first = await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{person.Id}", Input(person, "Partner", "Chair"));
        using var second = await h.As(DemoPeople.Admin).PutAsJsonAsync($"/api/directory/people/{anne.Id}", Input(anne, "Partner", "Chair"));

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.Forbidden],
            new[] { whileAChairIsActive, notConfigured, withMore, first, second }.Select(r => r.StatusCode));
        var grant = Assert.Single(await h.AuditAsync(), e => e.Action == AuditAction.Grant);
        Assert.Equal((DemoPeople.Admin, "directory: role Chair granted (first chair from configuration)"), (grant.Actor, grant.Purpose));
    }

    [Fact]
    public async Task TellsTheChairAndTheDpoWhichRoleWasGrantedWithoutNamingThePerson()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var chairChat = await NotificationTests.PersonalChatAsync(sandbox, h, DemoPeople.Chair);
        var dpoChat = await NotificationTests.PersonalChatAsync(sandbox, h, DemoPeople.Dpo);
        var anne = await PersonAsync(h, Anne);

        (await h.As(DemoPeople.Chair).PutAsJsonAsync($"/api/directory/people/{anne.Id}", Input(anne, "Partner", "Referent"))).EnsureSuccessStatusCode();

        foreach (var chat in new[] { chairChat, dpoChat })
        {
            var activity = Assert.Single(sandbox.State.FindConversation(chat)!.Activities).Current;
            Assert.Equal("Un rôle a été attribué dans l'annuaire de TeamsPrevention : référent radicalisme. Voir le journal d'accès.", activity["text"]!.GetValue<string>());
            Assert.DoesNotContain("Anne", activity.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Leroy", activity.ToJsonString(), StringComparison.Ordinal);
        }
    }

    private static PersonInput Input(DirectoryPerson p, params string[] roles) =>
        new(p.EntraObjectId, p.DisplayName, p.Email, p.PreferredLanguage, p.OrganisationId, roles, p.Active);

    private static async Task<DirectoryPerson> PersonAsync(SituationsHarness h, string oid) =>
        (await h.As(DemoPeople.Chair).GetFromJsonAsync<List<DirectoryPerson>>("/api/directory/people"))!.Single(p => p.EntraObjectId == Guid.Parse(oid));
}
