using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Meetings;

namespace TeamsPrevention.Tests.Situations;

/// <summary>A refusal inside a step's own rule (issue 19 item 5) is audited like the role and list refusals.</summary>
public sealed class SituationRefusalAuditTests
{
    [Theory, BothProviders]
    public async Task AuditsAPartnerRefusedAnotherOrganisationsAction(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var code = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.Partner);
        var police = await h.OrganisationIdAsync("police");
        using var added = await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/actions", new { description = "Entretien", ownerOrganisationId = police, dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)) });
        var actionId = (await added.Content.ReadFromJsonAsync<JsonObject>())!["actions"]!.AsArray().Single()!["id"]!.GetValue<string>();

        using var refused = await h.As(DemoPeople.Partner).PutAsJsonAsync($"/api/situations/{code}/actions/{actionId}", new { status = "Done" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var denial = Assert.Single(await h.AuditAsync(), e => e.Action == AuditAction.Denied);
        Assert.Equal((DemoPeople.Partner, code, "UpdateAction refused (403)", AuditOutcome.Denied), (denial.Actor, denial.SituationCode, denial.Purpose, denial.Outcome));
    }
}
