using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Secrecy;
using TeamsPrevention.App.Situations;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Meetings;

/// <summary>Agenda per need-to-know, attendance, secrecy per meeting, and minutes that move the situation.</summary>
public sealed class MeetingAgendaTests
{
    private static readonly string Secretary = DemoTenant.Personas.First(p => p.Role == "Secretary").ObjectId;

    [Fact]
    public async Task ShowsEachAttendeeOnlyTheItemsOnTheirNeedToKnowList()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var policeCase = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.PoliceReferent);
        var partnerCase = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.Partner);
        var notDue = await MeetingSteps.IncludedSituationAsync(h);
        (await h.PostAsync(DemoPeople.Referent, $"/api/situations/{policeCase}/reviews", new { nextReviewAt = DateTimeOffset.UtcNow.AddDays(5) })).EnsureSuccessStatusCode();
        var meeting = await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(10), DemoPeople.Referent, DemoPeople.PoliceReferent, DemoPeople.Partner);
        var id = meeting["id"]!.GetValue<string>();

        using var partnerAdds = await h.PostAsync(DemoPeople.Partner, $"/api/meetings/{id}/agenda", new { code = partnerCase });
        using var referentAdds = await h.PostAsync(DemoPeople.Referent, $"/api/meetings/{id}/agenda", new { code = partnerCase });

        Assert.Equal(HttpStatusCode.Forbidden, partnerAdds.StatusCode);
        Assert.Equal(HttpStatusCode.OK, referentAdds.StatusCode);
        Assert.Equal(Sorted(partnerCase, policeCase), Labels(await h.GetJsonAsync(DemoPeople.Referent, $"/api/meetings/{id}/agenda")).Order(StringComparer.Ordinal));
        // A restricted line reads in the reader's language: Jan (police) reads Dutch, Anne (partner) French.
        Assert.Equal(Sorted("Voorbehouden punt", policeCase), Labels(await h.GetJsonAsync(DemoPeople.PoliceReferent, $"/api/meetings/{id}/agenda")).Order(StringComparer.Ordinal));
        Assert.Equal(Sorted("Point réservé", partnerCase), Labels(await h.GetJsonAsync(DemoPeople.Partner, $"/api/meetings/{id}/agenda")).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(notDue, Labels(await h.GetJsonAsync(DemoPeople.Referent, $"/api/meetings/{id}/agenda")));
        Assert.Null(await h.GetJsonAsync(DemoPeople.Admin, $"/api/meetings/{id}/agenda"));
        var body = Assert.Single(MeetingSteps.Store(sandbox).Events.Values).Data["body"]!["content"]!.GetValue<string>();
        Assert.DoesNotContain(policeCase, body, StringComparison.Ordinal);
        Assert.DoesNotContain(partnerCase, body, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task SavesMinutesThatMoveTheSituationAndHidesThemFromWhoWasNotPresent(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var code = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.PoliceReferent, Secretary, DemoPeople.Partner);
        var meeting = await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(100), DemoPeople.Referent, DemoPeople.PoliceReferent, Secretary, DemoPeople.Partner);
        var id = meeting["id"]!.GetValue<string>();
        var item = (await h.GetJsonAsync(DemoPeople.Referent, $"/api/meetings/{id}/agenda"))!["items"]!.AsArray().Single(i => i!["label"]!.GetValue<string>() == code)!;
        var itemId = item["id"]!.GetValue<string>();
        var present = new[] { await h.PersonIdAsync(DemoPeople.Referent), await h.PersonIdAsync(DemoPeople.PoliceReferent), await h.PersonIdAsync(Secretary) };
        (await h.As(DemoPeople.Chair).PutAsJsonAsync($"/api/meetings/{id}/agenda/{itemId}/attendance", new { present })).EnsureSuccessStatusCode();
        var police = await h.OrganisationIdAsync("police");
        var nextReview = DateTimeOffset.UtcNow.AddDays(30);
        using var beforeAcknowledging = await h.As(Secretary).PutAsJsonAsync($"/api/meetings/{id}/agenda/{itemId}/minutes", new { decision = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, beforeAcknowledging.StatusCode);
        (await h.PostAsync(Secretary, $"/api/meetings/{id}/secrecy")).EnsureSuccessStatusCode();
        (await h.PostAsync(DemoPeople.PoliceReferent, $"/api/meetings/{id}/secrecy")).EnsureSuccessStatusCode();
        (await h.PostAsync(DemoPeople.Partner, $"/api/meetings/{id}/secrecy")).EnsureSuccessStatusCode();

        using var saved = await h.As(Secretary).PutAsJsonAsync($"/api/meetings/{id}/agenda/{itemId}/minutes", new
        {
            decision = "Accompagnement renforcé",
            consensus = true,
            nextReviewAt = nextReview,
            actions = new[] { new { description = "Entretien de suivi", ownerOrganisationId = police, dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)) } },
        });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var situation = await h.InScopeAsync(db => db.Set<Situation>().AsNoTracking().Include(s => s.Actions).FirstAsync(s => s.Code == code));
        Assert.Equal(nextReview.UtcTicks / TimeSpan.TicksPerSecond, situation.NextReviewAt!.Value.UtcTicks / TimeSpan.TicksPerSecond);
        var action = Assert.Single(situation.Actions);
        Assert.Equal(police, action.OwnerOrganisationId);
        using var seenByPolice = await h.As(DemoPeople.PoliceReferent).GetAsync($"/api/meetings/{id}/agenda/{itemId}/minutes");
        using var seenByPartner = await h.As(DemoPeople.Partner).GetAsync($"/api/meetings/{id}/agenda/{itemId}/minutes");
        Assert.Equal(HttpStatusCode.OK, seenByPolice.StatusCode);
        Assert.Equal("Accompagnement renforcé", (await seenByPolice.Content.ReadFromJsonAsync<JsonObject>())!["decision"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, seenByPartner.StatusCode);
        var audit = await h.AuditAsync();
        Assert.Contains(audit, e => e.SituationCode == code && e.Purpose == "minutes saved");
        Assert.Contains(audit, e => e.SituationCode == code && e.Purpose == "minutes read refused");
    }

    [Theory, BothProviders]
    public async Task LeavesTheSituationUntouchedWhenMinutesAreRefused(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var code = await MeetingSteps.IncludedSituationAsync(h, Secretary);
        var meeting = await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(100), DemoPeople.Referent, Secretary);
        var id = meeting["id"]!.GetValue<string>();
        var itemId = (await h.GetJsonAsync(DemoPeople.Referent, $"/api/meetings/{id}/agenda"))!["items"]!.AsArray().Single(i => i!["label"]!.GetValue<string>() == code)!["id"]!.GetValue<string>();
        var before = await h.InScopeAsync(db => db.Set<Situation>().AsNoTracking().Include(s => s.Actions).FirstAsync(s => s.Code == code));
        (await h.As(DemoPeople.Chair).PutAsJsonAsync($"/api/meetings/{id}/agenda/{itemId}/attendance", new { present = new[] { await h.PersonIdAsync(Secretary) } })).EnsureSuccessStatusCode();
        (await h.PostAsync(Secretary, $"/api/meetings/{id}/secrecy")).EnsureSuccessStatusCode();
        (await h.PostAsync(DemoPeople.Referent, $"/api/meetings/{id}/secrecy")).EnsureSuccessStatusCode();

        using var badOwner = await h.As(Secretary).PutAsJsonAsync($"/api/meetings/{id}/agenda/{itemId}/minutes", new
        {
            decision = "x",
            actions = new[] { new { description = "Action", ownerOrganisationId = Guid.NewGuid(), dueDate = DateOnly.FromDateTime(DateTime.UtcNow) } },
        });
        using var notAMinuteTaker = await h.As(DemoPeople.Referent).PutAsJsonAsync($"/api/meetings/{id}/agenda/{itemId}/minutes", new { decision = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, badOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAMinuteTaker.StatusCode);
        var after = await h.InScopeAsync(db => db.Set<Situation>().AsNoTracking().Include(s => s.Actions).FirstAsync(s => s.Code == code));
        Assert.Equal(before.NextReviewAt, after.NextReviewAt);
        Assert.Equal(before.Version, after.Version);
        Assert.Empty(after.Actions);
    }

    [Fact]
    public async Task RecordsTheSecrecyAcknowledgementPerAttendeeAndMeeting()
    {
        await using var h = await SituationsHarness.StartAsync();
        var meeting = await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(3), DemoPeople.PoliceReferent);
        var id = meeting["id"]!.GetValue<string>();

        using var attendee = await h.PostAsync(DemoPeople.PoliceReferent, $"/api/meetings/{id}/secrecy");
        using var stranger = await h.PostAsync(DemoPeople.Partner, $"/api/meetings/{id}/secrecy");

        Assert.Equal(HttpStatusCode.OK, attendee.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        var stored = await h.InScopeAsync(db => db.Set<SecrecyAcknowledgement>().AsNoTracking().Where(a => a.Scope == $"meeting:{id}").ToListAsync());
        Assert.Equal(DemoPeople.PoliceReferent, Assert.Single(stored).PersonObjectId, ignoreCase: true);
    }

    private static IEnumerable<string> Sorted(params string[] labels) => labels.Order(StringComparer.Ordinal);

    private static List<string> Labels(JsonObject? agenda) =>
        [.. agenda!["items"]!.AsArray().Select(i => i!["label"]!.GetValue<string>())];
}
