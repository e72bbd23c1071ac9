using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Audit;

/// <summary><c>GET /api/audit/access-report</c>: who read, changed or was refused what, for a situation or a person.</summary>
public sealed class AuditAccessReportTests
{
    [Theory, BothProviders]
    public async Task ReportsEveryAccessToASituationByActorAndAuditsTheReport(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        for (var i = 0; i < 3; i++)
        {
            await RecordAsync(app, new AuditRecord(DemoPeople.Referent, "Referent", AuditAction.View, "K7M-4QX", "Situation", null, "detail"));
        }

        await RecordAsync(app, new AuditRecord(DemoPeople.Referent, "Referent", AuditAction.Change, "K7M-4QX", "Situation", null, "action planned"));
        await RecordAsync(app, new AuditRecord(DemoPeople.Partner, "Partner", AuditAction.Denied, "K7M-4QX", "Situation", null, "not on the list", AuditOutcome.Denied));
        await RecordAsync(app, new AuditRecord(DemoPeople.Referent, "Referent", AuditAction.View, "P3T-9ZA", "Situation", null, "detail"));
        using var dpo = app.CreateClient(DemoPeople.Dpo);

        var report = await dpo.GetFromJsonAsync<AccessReport>("/api/audit/access-report?situation=K7M-4QX");

        Assert.Equal(("situation", "K7M-4QX"), (report!.Subject, report.Value));
        Assert.All(report.Entries, e => Assert.Equal("K7M-4QX", e.SituationCode));
        Assert.Equal(report.TotalEntries, report.Lines.Sum(l => l.Count));
        var views = Assert.Single(report.Lines, l => l.Actor == DemoPeople.Referent && l.Action == AuditAction.View);
        Assert.Equal(3, views.Count);
        Assert.True(views.FirstAt <= views.LastAt);
        Assert.Equal(1, Assert.Single(report.Lines, l => l.Actor == DemoPeople.Referent && l.Action == AuditAction.Change).Count);
        var denied = Assert.Single(report.Lines, l => l.Outcome == AuditOutcome.Denied);
        Assert.Equal(DemoPeople.Partner, denied.Actor);
        Assert.Equal(await OrganisationOfAsync(app, DemoPeople.Partner), denied.ActorOrganisationId);

        // The DPO's report is itself in the log, recorded before it was answered: it names the situation it covers.
        var own = Assert.Single(report.Lines, l => l.Actor == DemoPeople.Dpo);
        Assert.Equal(("AccessReport", AuditAction.View), (own.TargetType, own.Action));
        Assert.Equal(6, report.TotalEntries);
        Assert.False(report.Truncated);
    }

    [Theory, BothProviders]
    public async Task ReportsWhatAPersonDidAndChangesToTheirDirectoryRecord(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        var referentId = await app.InScopeAsync(async sp =>
            (await sp.GetRequiredService<DirectoryService>().FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Referent), CancellationToken.None))!.Id);
        await RecordAsync(app, new AuditRecord(DemoPeople.Referent, "Referent", AuditAction.View, "K7M-4QX", "Situation", null, "detail"));
        await RecordAsync(app, new AuditRecord(DemoPeople.Referent, "Referent", AuditAction.Reveal, "P3T-9ZA", "Identity", null, "reveal reason 1"));
        await RecordAsync(app, new AuditRecord(DemoPeople.Admin, "Admin", AuditAction.Change, null, "Person", referentId.ToString(), "person updated"));
        await RecordAsync(app, new AuditRecord(DemoPeople.Coordinator, "Coordinator", AuditAction.View, "K7M-4QX", "Situation", null, "detail"));
        using var dpo = app.CreateClient(DemoPeople.Dpo);

        var report = await dpo.GetFromJsonAsync<AccessReport>($"/api/audit/access-report?person={DemoPeople.Referent}");

        Assert.Equal(3, report!.TotalEntries);
        Assert.Equal([AuditAction.Change, AuditAction.Reveal, AuditAction.View], report.Entries.Select(e => e.Action));
        Assert.DoesNotContain(report.Entries, e => e.Actor == DemoPeople.Coordinator);
        Assert.Contains(report.Lines, l => l.Actor == DemoPeople.Admin && l.TargetType == "Person");
        var audited = await dpo.GetFromJsonAsync<AuditPage>($"/api/audit?actor={DemoPeople.Dpo}");
        Assert.Contains(audited!.Entries, e => e.TargetType == "AccessReport" && e.TargetId == DemoPeople.Referent && e.SituationCode is null);
    }

    [Theory, BothProviders]
    public async Task KeepsToThePeriodAsked(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        await RecordAsync(app, new AuditRecord(DemoPeople.Referent, "Referent", AuditAction.View, "K7M-4QX", "Situation", null, "detail"));
        using var dpo = app.CreateClient(DemoPeople.Dpo);
        var tomorrow = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));

        var report = await dpo.GetFromJsonAsync<AccessReport>($"/api/audit/access-report?situation=K7M-4QX&from={tomorrow}");

        Assert.Equal(0, report!.TotalEntries);
        Assert.Empty(report.Lines);
    }

    [Theory]
    [InlineData("/api/audit/access-report", "situation")]
    [InlineData("/api/audit/access-report?situation=K7M-4QX&person=a1b2c3d4-0003-4000-8000-000000000003", "situation")]
    [InlineData("/api/audit/access-report?person=claire", "person")]
    [InlineData("/api/audit/access-report?situation=K7M-4QX&from=2026-03-02&to=2026-03-01", "to")]
    public async Task RejectsAReportWithoutExactlyOneValidSubject(string url, string field)
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite);
        using var dpo = app.CreateClient(DemoPeople.Dpo);

        var response = await dpo.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains(field, problem!.Errors.Keys);
    }

    [Fact]
    public async Task ForbidsTheReportToEveryoneButTheDpo()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite);
        foreach (var oid in new[] { DemoPeople.Chair, DemoPeople.Admin, DemoPeople.Referent })
        {
            using var client = app.CreateClient(oid);
            var response = await client.GetAsync(new Uri("/api/audit/access-report?situation=K7M-4QX", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    internal static Task<AuditEntry> RecordAsync(DatabaseApp app, AuditRecord record) =>
        app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordAsync(record, CancellationToken.None));

    private static Task<Guid> OrganisationOfAsync(DatabaseApp app, string oid) =>
        app.InScopeAsync(async sp => (await sp.GetRequiredService<DirectoryService>().FindByEntraObjectIdAsync(Guid.Parse(oid), CancellationToken.None))!.OrganisationId);
}
