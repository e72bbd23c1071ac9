using System.Net.Http.Json;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Audit;

/// <summary><c>/api/audit</c>: the DPO reads and verifies the log; every read is audited; nobody else gets in.</summary>
public sealed class AuditEndpointsTests
{
    [Theory, BothProviders]
    public async Task ListsEntriesToTheDpoAndAuditsTheRead(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        using var dpo = app.CreateClient(DemoPeople.Dpo);

        var first = await dpo.GetFromJsonAsync<AuditPage>("/api/audit");
        var second = await dpo.GetFromJsonAsync<AuditPage>("/api/audit");

        // Entry 1: the demo seed. Entry 2: the first read, recorded before it was answered.
        Assert.Equal(2, first!.Total);
        Assert.Equal([2L, 1L], first.Entries.Select(e => e.Sequence));
        var read = first.Entries[0];
        Assert.Equal((DemoPeople.Dpo, "Dpo", AuditAction.View, "AuditLog"), (read.Actor, read.ActorRole, read.Action, read.TargetType));
        Assert.Equal(3, second!.Total);
    }

    [Theory, BothProviders]
    public async Task FiltersBySituationActorAndTimeAndPages(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        for (var i = 0; i < 7; i++)
        {
            await app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordAsync(
                new AuditRecord(DemoPeople.Referent, "Referent", AuditAction.View, i % 2 == 0 ? "K7M-4QX" : "P3T-9ZA", "Situation", null, "follow-up"),
                CancellationToken.None));
        }

        using var dpo = app.CreateClient(DemoPeople.Dpo);
        var page1 = await dpo.GetFromJsonAsync<AuditPage>("/api/audit?situation=K7M-4QX&pageSize=3");
        var page2 = await dpo.GetFromJsonAsync<AuditPage>($"/api/audit?situation=K7M-4QX&pageSize=3&before={page1!.NextBefore}");
        var byActor = await dpo.GetFromJsonAsync<AuditPage>($"/api/audit?actor={DemoPeople.Referent}");
        var future = await dpo.GetFromJsonAsync<AuditPage>($"/api/audit?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}");

        // K7M-4QX: 4 follow-up views, plus the DPO's first (filtered) read, which names the situation it looked for.
        Assert.Equal(5, page1.Total);
        Assert.Equal(3, page1.Entries.Count);
        Assert.Equal(2, page2!.Entries.Count); // The second read, appended meanwhile, does not shift the older page.
        Assert.Null(page2.NextBefore);
        Assert.All(page1.Entries.Concat(page2.Entries), e => Assert.Equal("K7M-4QX", e.SituationCode));
        Assert.Empty(page1.Entries.Select(e => e.Sequence).Intersect(page2.Entries.Select(e => e.Sequence)));
        Assert.Equal(7, byActor!.Total);
        Assert.Equal(0, future!.Total);
    }

    [Theory, BothProviders]
    public async Task FiltersByActionAndOutcome(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        await app.InScopeAsync(async s =>
        {
            var audit = s.GetRequiredService<AuditLog>();
            await audit.RecordAsync(new AuditRecord(DemoPeople.Referent, "Referent", AuditAction.Reveal, "K7M-4QX", "Identity", null, "reveal reason 1"), CancellationToken.None);
            await audit.RecordAsync(new AuditRecord(DemoPeople.Partner, "Partner", AuditAction.Export, "K7M-4QX", "Alert", null, "alert export refused", AuditOutcome.Denied), CancellationToken.None);
            return await audit.RecordAsync(new AuditRecord(DemoPeople.Referent, "Referent", AuditAction.View, "K7M-4QX", "Situation", null, "detail"), CancellationToken.None);
        });
        using var dpo = app.CreateClient(DemoPeople.Dpo);

        var reveals = await dpo.GetFromJsonAsync<AuditPage>("/api/audit?action=reveal");
        var refused = await dpo.GetFromJsonAsync<AuditPage>("/api/audit?outcome=Denied&situation=K7M-4QX");
        var bad = await dpo.GetAsync(new Uri("/api/audit?action=Peek&outcome=3", UriKind.Relative));

        Assert.Equal(AuditAction.Reveal, Assert.Single(reveals!.Entries).Action);
        var refusal = Assert.Single(refused!.Entries);
        Assert.Equal((DemoPeople.Partner, AuditAction.Export), (refusal.Actor, refusal.Action));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Equal(["action", "outcome"], problem!.Errors.Keys.Order());
    }

    [Theory, BothProviders]
    public async Task RejectsBadPagingWithValidationProblem(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        using var dpo = app.CreateClient(DemoPeople.Dpo);

        var response = await dpo.GetAsync(new Uri("/api/audit?before=0&pageSize=1000", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Contains("before", problem!.Errors.Keys);
        Assert.Contains("pageSize", problem.Errors.Keys);
    }

    [Theory, BothProviders]
    public async Task ForbidsEveryoneButTheDpoAndAuditsTheDenial(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        using var admin = app.CreateClient(DemoPeople.Admin);
        using var chair = app.CreateClient(DemoPeople.Chair);
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await chair.GetAsync(new Uri("/api/audit/verification", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);

        using var dpo = app.CreateClient(DemoPeople.Dpo);
        var denials = (await dpo.GetFromJsonAsync<AuditPage>("/api/audit"))!.Entries.Where(e => e.Action == AuditAction.Denied).ToList();
        Assert.Equal(2, denials.Count);
        var adminDenial = Assert.Single(denials, e => e.Actor == DemoPeople.Admin);
        Assert.Equal(("Admin", AuditOutcome.Denied, "Endpoint", "GET /api/audit/"), (adminDenial.ActorRole, adminDenial.Outcome, adminDenial.TargetType, adminDenial.TargetId));
    }

    [Theory, BothProviders]
    public async Task ReportsTheChainIntactToTheDpoAndAuditsTheCheck(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        using var dpo = app.CreateClient(DemoPeople.Dpo);

        var verification = await dpo.GetFromJsonAsync<AuditVerification>("/api/audit/verification");
        var page = await dpo.GetFromJsonAsync<AuditPage>("/api/audit");

        Assert.True(verification!.IsIntact);
        Assert.Equal(1, verification.EntriesChecked); // The seed's entry; the check is recorded after it ran.
        Assert.Contains(page!.Entries, e => e.TargetType == "AuditVerification" && e.Actor == DemoPeople.Dpo);
    }
}
