using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Audit;

/// <summary>
/// <c>names=true</c> on the audit search and the access report: the DPO reads names instead of object ids, and each
/// person named is itself audited as a view of their directory record.
/// </summary>
public sealed class AuditNamesTests
{
    [Theory, BothProviders]
    public async Task NamesTheActorsAndPersonTargetsOfAPageAndAuditsEachNameShown(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        var referent = await PersonAsync(app, DemoPeople.Referent);
        var partner = await PersonAsync(app, DemoPeople.Partner);
        await AuditAccessReportTests.RecordAsync(app, new AuditRecord(DemoPeople.Referent, "Referent", AuditAction.View, "K7M-4QX", "Situation", null, "detail"));
        await AuditAccessReportTests.RecordAsync(app, new AuditRecord(DemoPeople.Admin, "Admin", AuditAction.Change, null, "Person", partner.Id.ToString(), "person updated"));
        using var dpo = app.CreateClient(DemoPeople.Dpo);

        var plain = await dpo.GetFromJsonAsync<AuditPage>("/api/audit?pageSize=3");
        var named = await dpo.GetFromJsonAsync<AuditPage>("/api/audit?pageSize=4&names=true");

        // Without the flag the log stays pseudonymous: no names, and no name lookup audited.
        Assert.Null(plain!.People);
        var people = named!.People!;
        Assert.Equal("Sophie Martin", Assert.Single(people, p => p.ObjectId == Guid.Parse(DemoPeople.Referent)).DisplayName);
        var target = Assert.Single(people, p => p.PersonId == partner.Id);
        Assert.Equal(partner.DisplayName, target.DisplayName);
        Assert.Equal(partner.OrganisationId, target.OrganisationId);
        Assert.False(string.IsNullOrWhiteSpace(target.OrganisationName));
        Assert.Contains(people, p => p.ObjectId == Guid.Parse(DemoPeople.Admin));
        Assert.Contains(people, p => p.ObjectId == Guid.Parse(DemoPeople.Dpo));

        var lookups = await EntriesAsync(app, e => e.Purpose == AuditPeople.Purpose);
        Assert.Equal(people.Select(p => p.PersonId.ToString()).Order(), lookups.Select(e => e.TargetId!).Order());
        Assert.All(lookups, e => Assert.Equal((DemoPeople.Dpo, AuditAction.View, "Person"), (e.Actor, e.Action, e.TargetType)));
        Assert.Contains(lookups, e => e.TargetId == referent.Id.ToString());
    }

    [Theory, BothProviders]
    public async Task NamesThePeopleOfAnAccessReportAndThePersonSeesTheLookupInTheirOwnReport(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        var referent = await PersonAsync(app, DemoPeople.Referent);
        await AuditAccessReportTests.RecordAsync(app, new AuditRecord(DemoPeople.Referent, "Referent", AuditAction.View, "K7M-4QX", "Situation", null, "detail"));
        using var dpo = app.CreateClient(DemoPeople.Dpo);

        var report = await dpo.GetFromJsonAsync<AccessReport>("/api/audit/access-report?situation=K7M-4QX&names=true");
        var own = await dpo.GetFromJsonAsync<AccessReport>($"/api/audit/access-report?person={DemoPeople.Referent}");

        Assert.Contains(report!.People!, p => p.PersonId == referent.Id && p.DisplayName == "Sophie Martin");
        Assert.Contains(own!.Entries, e => e.Actor == DemoPeople.Dpo && e.TargetType == "Person" && e.TargetId == referent.Id.ToString() && e.Purpose == AuditPeople.Purpose);
    }

    private static Task<DirectoryPerson> PersonAsync(DatabaseApp app, string oid) =>
        app.InScopeAsync(async sp => (await sp.GetRequiredService<DirectoryService>().FindByEntraObjectIdAsync(Guid.Parse(oid), CancellationToken.None))!);

    private static Task<List<AuditEntry>> EntriesAsync(DatabaseApp app, Func<AuditEntry, bool> match) =>
        app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Set<AuditEntry>().AsEnumerable().Where(match).ToList()));
}
