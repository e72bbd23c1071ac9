using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Situations;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Situations;

public sealed class SituationLifecycleTests
{
    [Theory, BothProviders]
    public async Task FollowsTheWholeLifeWhenEachStepIsTakenByItsRole(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var school = await h.OrganisationIdAsync("school");
        var code = await h.ReportAsync(DemoPeople.Referent, new
        {
            sourceOrganisationId = school,
            signalDate = "2026-11-01",
            indicators = new[] { new { key = "threats", evidence = "Menaces écrites sur un cahier (vu par l'éducatrice)." } },
            text = "Signalement de test",
        });

        await StepAsync(h, DemoPeople.Referent, code, "screening", null, HttpStatusCode.OK, "Screening");
        await StepAsync(h, DemoPeople.Chair, code, "inclusion", new { }, HttpStatusCode.OK, "Included");
        await StepAsync(h, DemoPeople.Referent, code, "actions", new { description = "Rencontre avec l'AMO", ownerOrganisationId = school, dueDate = "2026-12-15" }, HttpStatusCode.OK, "Included");
        await StepAsync(h, DemoPeople.Referent, code, "reviews", new { notes = "Point de situation" }, HttpStatusCode.OK, "Included");
        await StepAsync(h, DemoPeople.Chair, code, "closure", new { reason = "Objectifs atteints" }, HttpStatusCode.OK, "Closed");
        await StepAsync(h, DemoPeople.Referent, code, "reviews", new { notes = "Suivi à 6 mois" }, HttpStatusCode.OK, "Closed");
        await StepAsync(h, DemoPeople.Referent, code, "reviews", new { notes = "Suivi à 12 mois" }, HttpStatusCode.OK, "Closed");
        await StepAsync(h, DemoPeople.Referent, code, "reviews", new { notes = "Un de trop" }, HttpStatusCode.Conflict, "Closed");

        var detail = await h.GetJsonAsync(DemoPeople.Referent, $"/api/situations/{code}");
        Assert.Equal("threats", detail!["indicators"]![0]!["key"]!.GetValue<string>());
        Assert.Single(detail["actions"]!.AsArray());
        Assert.Equal(3, detail["reviews"]!.AsArray().Count);
        Assert.Equal("Objectifs atteints", detail["closureReason"]!.GetValue<string>());
        var situation = await h.InScopeAsync(db => db.Set<Situation>().AsNoTracking().FirstAsync(s => s.Code == code));
        Assert.Equal(situation.ClosedAt!.Value.AddDays(730), situation.RetentionUntil);
    }

    public static TheoryData<string, string, string, string, HttpStatusCode> Refusals => new()
    {
        // persona, step, JSON body, state the situation is brought to first, expected
        { "Referent", "inclusion", "{}", "Screening", HttpStatusCode.Forbidden },
        { "Referent", "decline", "{}", "Screening", HttpStatusCode.Forbidden },
        { "Chair", "screening", "{}", "Signalled", HttpStatusCode.Forbidden },
        { "Chair", "inclusion", "{}", "Signalled", HttpStatusCode.Conflict },
        { "Chair", "closure", """{"reason":"x"}""", "Screening", HttpStatusCode.Conflict },
        { "Referent", "closure", """{"reason":"x"}""", "Included", HttpStatusCode.Forbidden },
        { "Referent", "screening", "{}", "Screening", HttpStatusCode.Conflict },
        { "Referent", "actions", """{"description":"x","dueDate":"2026-12-01"}""", "Screening", HttpStatusCode.Conflict },
        { "PoliceReferent", "screening", "{}", "Signalled", HttpStatusCode.NotFound },
        { "Partner", "inclusion", "{}", "Screening", HttpStatusCode.NotFound },
        { "Dpo", "screening", "{}", "Signalled", HttpStatusCode.Forbidden },
        { "Admin", "inclusion", "{}", "Screening", HttpStatusCode.Forbidden },
        { "Coordinator", "reviews", """{"notes":"x"}""", "Included", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task RefusesStepAndChangesNothingWhenRoleOrStateDoesNotAllowIt(string persona, string step, string body, string from, HttpStatusCode expected)
    {
        await using var h = await SituationsHarness.StartAsync();
        var code = await h.ReportAsync(DemoPeople.Referent);
        await BringToAsync(h, code, from);
        var before = await SnapshotAsync(h, code);
        var auditBefore = (await h.AuditAsync()).Count;

        using var response = await h.PostAsync(Oid(persona), $"/api/situations/{code}/{step}", JsonNode.Parse(body));

        Assert.Equal(expected, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(string.IsNullOrWhiteSpace(problem!["title"]?.GetValue<string>()));
        Assert.Equal(before, await SnapshotAsync(h, code));
        var denial = (await h.AuditAsync()).Skip(auditBefore).ToList();
        var entry = Assert.Single(denial);
        Assert.Equal(AuditAction.Denied, entry.Action);
        Assert.Equal(code, entry.SituationCode);
        Assert.Equal(Oid(persona), entry.Actor);
    }

    [Fact]
    public async Task DeclinesWithTheRegularServiceAndShortRetention()
    {
        await using var h = await SituationsHarness.StartAsync();
        var code = await h.ReportAsync(DemoPeople.Referent);

        using var response = await h.PostAsync(DemoPeople.Chair, $"/api/situations/{code}/decline", new { referredTo = "Service de santé mentale" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var situation = await h.InScopeAsync(db => db.Set<Situation>().AsNoTracking().FirstAsync(s => s.Code == code));
        Assert.Equal(SituationStatus.Declined, situation.Status);
        Assert.Equal("Service de santé mentale", situation.ReferredTo);
        Assert.Equal(situation.DecidedAt!.Value.AddDays(180), situation.RetentionUntil);
    }

    [Fact]
    public async Task RefusesANextReviewBeyondThreeMonthsAndKeepsOneAlwaysSet()
    {
        await using var h = await SituationsHarness.StartAsync();
        var code = await h.ReportAsync(DemoPeople.Referent);
        await BringToAsync(h, code, "Screening");

        using var tooLate = await h.PostAsync(DemoPeople.Chair, $"/api/situations/{code}/inclusion", new { nextReviewAt = DateTimeOffset.UtcNow.AddDays(120) });
        using var included = await h.PostAsync(DemoPeople.Chair, $"/api/situations/{code}/inclusion", new { });

        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, included.StatusCode);
        var next = (await included.Content.ReadFromJsonAsync<JsonObject>())!["summary"]!["nextReviewAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(next, DateTimeOffset.UtcNow.AddDays(91), DateTimeOffset.UtcNow.AddDays(93));
    }

    [Fact]
    public async Task FlagsAnOverdueReview()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await SituationsHarness.StartAsync(clock: clock);
        var code = await h.ReportAsync(DemoPeople.Referent);
        await BringToAsync(h, code, "Included");

        clock.Advance(TimeSpan.FromDays(93));
        var list = await h.As(DemoPeople.Referent).GetFromJsonAsync<JsonArray>("/api/situations");

        var summary = list!.Single(s => s!["code"]!.GetValue<string>() == code)!;
        Assert.True(summary["reviewOverdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GivesEachSituationADistinctCodeFromTheUnambiguousAlphabet()
    {
        await using var h = await SituationsHarness.StartAsync();
        var codes = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            codes.Add(await h.ReportAsync(DemoPeople.Referent));
        }

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$", c));
    }

    internal static string Oid(string persona) => persona switch
    {
        "Chair" => DemoPeople.Chair,
        "Coordinator" => DemoPeople.Coordinator,
        "Referent" => DemoPeople.Referent,
        "PoliceReferent" => DemoPeople.PoliceReferent,
        "Partner" => DemoPeople.Partner,
        "Dpo" => DemoPeople.Dpo,
        "Admin" => DemoPeople.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(persona)),
    };

    internal static async Task BringToAsync(SituationsHarness h, string code, string state)
    {
        if (state == "Signalled")
        {
            return;
        }

        (await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/screening")).EnsureSuccessStatusCode();
        if (state == "Included")
        {
            (await h.PostAsync(DemoPeople.Chair, $"/api/situations/{code}/inclusion", new { })).EnsureSuccessStatusCode();
        }
    }

    private static async Task StepAsync(SituationsHarness h, string oid, string code, string step, object? body, HttpStatusCode expected, string status)
    {
        using var response = await h.PostAsync(oid, $"/api/situations/{code}/{step}", body);
        Assert.True(expected == response.StatusCode, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(status, await h.StatusAsync(code));
    }

    private static Task<string> SnapshotAsync(SituationsHarness h, string code) =>
        h.InScopeAsync(async db =>
        {
            var s = await db.Set<Situation>().AsNoTracking().Include(x => x.NeedToKnow).Include(x => x.Actions).Include(x => x.Reviews).FirstAsync(x => x.Code == code);
            return $"{s.Status}|{s.Version}|{s.DecidedAt}|{s.NextReviewAt}|{s.ClosedAt}|{s.ChannelState}|{s.NeedToKnow.Count}|{s.Actions.Count}|{s.Reviews.Count}";
        });
}
