using System.Net.Http.Json;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Meetings;

/// <summary>A case meeting with items, attendance, secrecy acknowledged and minutes, through the API.</summary>
internal static class MinutesSteps
{
    public static readonly string Secretary = DemoTenant.Personas.First(p => p.Role == "Secretary").ObjectId;

    /// <summary>Schedules a case meeting with the coordinator, the referent, the police referent, the secretary and a partner; everyone acknowledges secrecy.</summary>
    public static async Task<string> MeetingAsync(SituationsHarness h)
    {
        var meeting = await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(100), DemoPeople.Referent, DemoPeople.PoliceReferent, Secretary, DemoPeople.Partner);
        var id = meeting["id"]!.GetValue<string>();
        foreach (var oid in new[] { DemoPeople.Coordinator, DemoPeople.Referent, DemoPeople.PoliceReferent, Secretary, DemoPeople.Partner })
        {
            (await h.PostAsync(oid, $"/api/meetings/{id}/secrecy")).EnsureSuccessStatusCode();
        }

        return id;
    }

    public static async Task<string> ItemIdAsync(SituationsHarness h, string meetingId, string code) =>
        (await h.GetJsonAsync(DemoPeople.Chair, $"/api/meetings/{meetingId}/agenda"))!["items"]!.AsArray()
            .Single(i => i!["label"]!.GetValue<string>() == code)!["id"]!.GetValue<string>();

    public static async Task AttendAsync(SituationsHarness h, string meetingId, string itemId, params string[] oids)
    {
        var present = new List<Guid>();
        foreach (var oid in oids)
        {
            present.Add(await h.PersonIdAsync(oid));
        }

        // The Chair sees every item (the coordinator only those of situations whose list names them).
        (await h.As(DemoPeople.Chair).PutAsJsonAsync($"/api/meetings/{meetingId}/agenda/{itemId}/attendance", new { present })).EnsureSuccessStatusCode();
    }

    public static async Task MinutesAsync(SituationsHarness h, string meetingId, string itemId, string decision, bool consensus, string? action = null)
    {
        var police = await h.OrganisationIdAsync("police");
        var actions = action is null ? [] : new[] { new { description = action, ownerOrganisationId = police, dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)) } };
        using var saved = await h.As(Secretary).PutAsJsonAsync(
            $"/api/meetings/{meetingId}/agenda/{itemId}/minutes",
            new { decision, consensus, nextReviewAt = DateTimeOffset.UtcNow.AddDays(30), actions });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }
}
