using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.Sandbox.Graph;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Meetings;

/// <summary>Steps the meetings tests share, all through the App's HTTP API.</summary>
internal static class MeetingSteps
{
    public static async Task<JsonObject> ScheduleAsync(SituationsHarness h, string kind, DateTimeOffset start, params string[] attendeeOids)
    {
        var ids = new List<Guid>();
        foreach (var oid in attendeeOids)
        {
            ids.Add(await h.PersonIdAsync(oid));
        }

        using var response = await h.PostAsync(DemoPeople.Coordinator, "/api/meetings", new { kind, startAt = start, endAt = start.AddHours(2), attendeeIds = ids });
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {json}");
        return json!;
    }

    public static async Task<string> IncludedSituationAsync(SituationsHarness h, params string[] needToKnow)
    {
        var code = await h.ReportAsync(DemoPeople.Referent);
        foreach (var oid in needToKnow)
        {
            var id = await h.PersonIdAsync(oid);
            (await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/need-to-know", new { personId = id })).EnsureSuccessStatusCode();
        }

        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        return code;
    }

    public static GraphStore Store(SandboxServer sandbox) => sandbox.Services.GetRequiredService<GraphStore>();
}
