using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Meetings;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Meetings;

/// <summary>
/// Attendance per item (issue 19 item 6, issue 23 item 4): written only by someone who sees the item, only with attendees
/// who may see it — each refused entry named by its position in the writer's language — and the agenda offers the
/// writer exactly those attendees.
/// </summary>
public sealed class MeetingAttendanceTests
{
    private static readonly string Pieter = DemoTenant.Personas.First(p => p.DisplayName == "Pieter De Smet").ObjectId;

    [Theory, BothProviders]
    public async Task RefusesACoordinatorWhoCannotSeeTheItemAndKeepsWhoWasPresent(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var code = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.PoliceReferent);
        var id = await MinutesSteps.MeetingAsync(h);
        var itemId = await MinutesSteps.ItemIdAsync(h, id, code);
        await MinutesSteps.AttendAsync(h, id, itemId, DemoPeople.Referent, DemoPeople.PoliceReferent);

        using var rewritten = await h.As(DemoPeople.Coordinator).PutAsJsonAsync($"/api/meetings/{id}/agenda/{itemId}/attendance", new { present = Array.Empty<Guid>() });

        Assert.Equal(HttpStatusCode.NotFound, rewritten.StatusCode);
        var item = await h.InScopeAsync(db => db.Set<MeetingItem>().AsNoTracking().FirstAsync(i => i.Id == Guid.Parse(itemId)));
        Assert.Equal(
            new[] { await h.PersonIdAsync(DemoPeople.Referent), await h.PersonIdAsync(DemoPeople.PoliceReferent) }.Order(),
            item.PresentPersonIds.Order());
        var denial = Assert.Single(await h.AuditAsync(), e => e.Action == AuditAction.Denied);
        Assert.Equal((DemoPeople.Coordinator, code, "attendance write refused: item not visible"), (denial.Actor, denial.SituationCode, denial.Purpose));
    }

    [Theory, BothProviders]
    public async Task RefusesAnAttendeeWhoMayNotSeeTheItemByPositionInTheWritersLanguage(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var code = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.PoliceReferent);
        var id = await MinutesSteps.MeetingAsync(h); // The partner is invited, but not on the situation's list.
        var itemId = await MinutesSteps.ItemIdAsync(h, id, code);
        var (referent, partner, stranger) = (await h.PersonIdAsync(DemoPeople.Referent), await h.PersonIdAsync(DemoPeople.Partner), await h.PersonIdAsync(Pieter));

        using var french = await h.As(DemoPeople.Chair).PutAsJsonAsync($"/api/meetings/{id}/agenda/{itemId}/attendance", new { present = new[] { referent, partner, stranger } });

        Assert.Equal(HttpStatusCode.BadRequest, french.StatusCode);
        var problem = (await french.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        Assert.Equal("Présences non enregistrées.", problem.Title);
        Assert.Equal(["present[1]", "present[2]"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(AttendanceTexts.NoAccess(UserLanguage.Fr), Assert.Single(problem.Errors["present[1]"]));
        Assert.Equal(AttendanceTexts.NotInvited(UserLanguage.Fr), Assert.Single(problem.Errors["present[2]"]));
        Assert.DoesNotContain("Anne", await french.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await h.InScopeAsync(db => db.Set<MeetingItem>().AsNoTracking().FirstAsync(i => i.Id == Guid.Parse(itemId)))).PresentPersonIds);
        Assert.DoesNotContain(h.Logs.Lines, m => m.Contains("Anne", StringComparison.Ordinal) || m.Contains(partner.ToString(), StringComparison.Ordinal));

        // A Dutch secretary, on the list and invited, reads the same refusal in Dutch.
        var pieter = (await h.As(DemoPeople.Chair).GetFromJsonAsync<List<App.Directory.DirectoryPerson>>("/api/directory/people"))!.Single(p => p.Id == stranger);
        (await h.As(DemoPeople.Chair).PutAsJsonAsync($"/api/directory/people/{stranger}", new
        {
            pieter.EntraObjectId,
            pieter.DisplayName,
            pieter.Email,
            pieter.PreferredLanguage,
            pieter.OrganisationId,
            roles = new[] { "Partner", "Secretary" },
            active = true,
        })).EnsureSuccessStatusCode();
        (await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/need-to-know", new { personId = stranger })).EnsureSuccessStatusCode();
        var second = (await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(101), DemoPeople.Referent, Pieter, DemoPeople.Partner))["id"]!.GetValue<string>();
        var secondItem = await MinutesSteps.ItemIdAsync(h, second, code);
        using var dutch = await h.As(Pieter).PutAsJsonAsync($"/api/meetings/{second}/agenda/{secondItem}/attendance", new { present = new[] { partner } });
        Assert.Equal(HttpStatusCode.BadRequest, dutch.StatusCode);
        var inDutch = (await dutch.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        Assert.Equal((AttendanceTexts.Title(UserLanguage.Nl), AttendanceTexts.NoAccess(UserLanguage.Nl)), (inDutch.Title, Assert.Single(inDutch.Errors["present[0]"])));
    }

    [Theory, BothProviders]
    public async Task OffersWhoRecordsAttendanceOnlyTheAttendeesWhoMaySeeTheItem(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var code = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.PoliceReferent, MinutesSteps.Secretary);
        var id = await MinutesSteps.MeetingAsync(h);

        var forTheChair = Item(await h.GetJsonAsync(DemoPeople.Chair, $"/api/meetings/{id}/agenda"), code);
        var forThePolice = Item(await h.GetJsonAsync(DemoPeople.PoliceReferent, $"/api/meetings/{id}/agenda"), code);

        var expected = new[] { DemoPeople.Referent, DemoPeople.PoliceReferent, MinutesSteps.Secretary };
        var ids = new List<Guid>();
        foreach (var oid in expected)
        {
            ids.Add(await h.PersonIdAsync(oid));
        }

        // The coordinator and the partner are invited, but not on the list: not offered. The Chair is not invited.
        Assert.Equal(ids.Order(), forTheChair["mayAttend"]!.AsArray().Select(i => i!.GetValue<Guid>()).Order());
        Assert.Null(forThePolice["mayAttend"]);
        var present = ids.ToArray();
        (await h.As(DemoPeople.Chair).PutAsJsonAsync($"/api/meetings/{id}/agenda/{forTheChair["id"]!.GetValue<string>()}/attendance", new { present })).EnsureSuccessStatusCode();
    }

    private static JsonObject Item(JsonObject? agenda, string code) =>
        agenda!["items"]!.AsArray().Single(i => i!["label"]!.GetValue<string>() == code)!.AsObject();
}
