using System.Net;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Meetings;

/// <summary>
/// Issue 23 item 9: a coordinator who is on no situation's list schedules a case meeting; its agenda is proposed from
/// the reviews that fall due before it, for situations whose lists name one of its attendees, and whoever may not see
/// a code sees only how many there are.
/// </summary>
public sealed class AgendaProposalTests
{
    [Theory, BothProviders]
    public async Task ProposesTheReviewsDueBeforeTheMeetingForItsAttendeesAndShowsOnlyACountOfTheOthers(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var policeCase = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.PoliceReferent);
        var nobodysCase = await MeetingSteps.IncludedSituationAsync(h);
        var partnerCase = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.Partner);
        await DueInAsync(h, policeCase, days: 5);
        await DueInAsync(h, nobodysCase, days: 5);

        // The coordinator schedules it with the police referent and a partner: the police case is put on its agenda,
        // the case none of them is listed on is not, nor the partner's (its review is not due before the meeting).
        var meeting = await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(10), DemoPeople.PoliceReferent, DemoPeople.Partner);
        var id = meeting["id"]!.GetValue<string>();
        Assert.Equal([policeCase], await LabelsAsync(h, DemoPeople.Chair, id));
        var coordinatorView = (await h.GetJsonAsync(DemoPeople.Coordinator, $"/api/meetings/{id}/agenda"))!["items"]!.AsArray();
        Assert.True(Assert.Single(coordinatorView)!["restricted"]!.GetValue<bool>());
        Assert.Equal(0, (await ProposalAsync(h, DemoPeople.Coordinator, id))["total"]!.GetValue<int>());

        // The partner's review falls due since: proposed again, as a count for the coordinator, by code for the Chair.
        await DueInAsync(h, partnerCase, days: 3);
        var proposal = await ProposalAsync(h, DemoPeople.Coordinator, id);
        Assert.Equal(1, proposal["total"]!.GetValue<int>());
        Assert.Equal(1, proposal["restricted"]!.GetValue<int>());
        Assert.Empty(proposal["visible"]!.AsArray());
        Assert.DoesNotContain(partnerCase, proposal.ToJsonString(), StringComparison.Ordinal);
        var chairs = await ProposalAsync(h, DemoPeople.Chair, id);
        Assert.Equal([partnerCase], chairs["visible"]!.AsArray().Select(v => v!["code"]!.GetValue<string>()));

        // A partner may not propose (nor read the proposal): refused and audited.
        var before = (await h.AuditAsync()).Count(e => e.Action == AuditAction.Denied);
        using (var refused = await h.As(DemoPeople.Partner).GetAsync($"/api/meetings/{id}/agenda/proposal"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain(partnerCase, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before + 1, (await h.AuditAsync()).Count(e => e.Action == AuditAction.Denied && e.Purpose == "agenda proposal refused"));

        // Accepted by the coordinator: both items on the agenda, each attendee sees the codes on their own list only.
        using (var accepted = await h.PostAsync(DemoPeople.Coordinator, $"/api/meetings/{id}/agenda/proposal", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            var body = await accepted.Content.ReadAsStringAsync();
            Assert.DoesNotContain(partnerCase, body, StringComparison.Ordinal);
            Assert.DoesNotContain(policeCase, body, StringComparison.Ordinal);
        }

        Assert.Equal(new[] { partnerCase, policeCase }.Order(StringComparer.Ordinal), await LabelsAsync(h, DemoPeople.Chair, id));
        Assert.Equal(new[] { "Point réservé", partnerCase }.Order(StringComparer.Ordinal), (await LabelsAsync(h, DemoPeople.Partner, id)).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "Voorbehouden punt", policeCase }.Order(StringComparer.Ordinal), (await LabelsAsync(h, DemoPeople.PoliceReferent, id)).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await ProposalAsync(h, DemoPeople.Coordinator, id))["total"]!.GetValue<int>());
        Assert.Contains(await h.AuditAsync(), e => e.Purpose == "agenda item proposed" && e.SituationCode == partnerCase);
    }

    [Fact]
    public async Task ProposesNothingForAPlatformMeeting()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var meeting = await MeetingSteps.ScheduleAsync(h, "Platform", DateTimeOffset.UtcNow.AddDays(10), DemoPeople.Partner);
        using var response = await h.As(DemoPeople.Coordinator).GetAsync($"/api/meetings/{meeting["id"]}/agenda/proposal");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    private static async Task DueInAsync(SituationsHarness h, string code, int days) =>
        (await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/reviews", new { nextReviewAt = DateTimeOffset.UtcNow.AddDays(days) })).EnsureSuccessStatusCode();

    private static async Task<JsonObject> ProposalAsync(SituationsHarness h, string oid, string id) =>
        (await h.GetJsonAsync(oid, $"/api/meetings/{id}/agenda/proposal"))!;

    private static async Task<List<string>> LabelsAsync(SituationsHarness h, string oid, string id) =>
        [.. (await h.GetJsonAsync(oid, $"/api/meetings/{id}/agenda"))!["items"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
}
