using System.Net;
using System.Net.Http.Json;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Meetings;

/// <summary>Every refusal of access in the meetings (issue 19 item 5) leaves a Denied entry saying what was refused.</summary>
public sealed class MeetingRefusalAuditTests
{
    [Theory, BothProviders]
    public async Task AuditsEveryRefusedAgendaAttendanceMinutesAndSecrecyRequest(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var code = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.PoliceReferent, MinutesSteps.Secretary);
        var meeting = await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(100), DemoPeople.Referent, DemoPeople.PoliceReferent, MinutesSteps.Secretary, DemoPeople.Partner);
        var id = meeting["id"]!.GetValue<string>();
        var itemId = await MinutesSteps.ItemIdAsync(h, id, code);
        var secretary = await h.PersonIdAsync(MinutesSteps.Secretary);
        (await h.As(DemoPeople.Chair).PutAsJsonAsync($"/api/meetings/{id}/agenda/{itemId}/attendance", new { present = new[] { secretary } })).EnsureSuccessStatusCode();
        var before = (await h.AuditAsync()).Count(e => e.Action == AuditAction.Denied);

        var refused = new (HttpStatusCode Status, string Purpose, HttpResponseMessage Response)[]
        {
            (HttpStatusCode.Forbidden, "agenda item add refused", await h.PostAsync(DemoPeople.Partner, $"/api/meetings/{id}/agenda", new { code })),
            (HttpStatusCode.NotFound, "agenda item add refused", await h.PostAsync(DemoPeople.Coordinator, $"/api/meetings/{id}/agenda", new { code })),
            (HttpStatusCode.Forbidden, "attendance write refused", await h.As(DemoPeople.Referent).PutAsJsonAsync($"/api/meetings/{id}/agenda/{itemId}/attendance", new { present = new[] { secretary } })),
            (HttpStatusCode.Forbidden, "minutes write refused", await h.As(DemoPeople.Referent).PutAsJsonAsync($"/api/meetings/{id}/agenda/{itemId}/minutes", new { decision = "x" })),
            (HttpStatusCode.Forbidden, "minutes write refused: secrecy not acknowledged", await h.As(MinutesSteps.Secretary).PutAsJsonAsync($"/api/meetings/{id}/agenda/{itemId}/minutes", new { decision = "x" })),
            (HttpStatusCode.Forbidden, "minutes read refused: secrecy not acknowledged", await h.As(MinutesSteps.Secretary).GetAsync($"/api/meetings/{id}/agenda/{itemId}/minutes")),
            (HttpStatusCode.Forbidden, "meeting secrecy refused: not invited", await h.PostAsync(DemoPeople.Chair, $"/api/meetings/{id}/secrecy")),
        };

        var denials = (await h.AuditAsync()).Where(e => e.Action == AuditAction.Denied).Skip(before).ToList();
        Assert.Equal(refused.Select(r => r.Status), refused.Select(r => r.Response.StatusCode));
        Assert.Equal(refused.Select(r => r.Purpose), denials.Select(d => d.Purpose));
        Assert.All(denials, d => Assert.Equal(("Meeting", id, AuditOutcome.Denied), (d.TargetType, d.TargetId, d.Outcome)));
        Assert.Equal(code, denials[1].SituationCode); // The situation asked for, known by its code.
        foreach (var r in refused)
        {
            r.Response.Dispose();
        }
    }
}
