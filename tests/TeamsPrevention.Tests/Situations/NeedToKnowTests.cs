using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Audit;
using TeamsPrevention.Tests.Directory;

namespace TeamsPrevention.Tests.Situations;

public sealed class NeedToKnowTests
{
    [Fact]
    public async Task HidesTheSituationFromAPartnerOffTheListAndAuditsTheDenial()
    {
        await using var h = await SituationsHarness.StartAsync();
        var code = await h.ReportAsync(DemoPeople.Referent);
        var auditBefore = (await h.AuditAsync()).Count;

        using var detail = await h.As(DemoPeople.Partner).GetAsync($"/api/situations/{code}");
        var list = await h.As(DemoPeople.Partner).GetFromJsonAsync<JsonArray>("/api/situations");

        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.DoesNotContain(code, await detail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(list!);
        var denial = Assert.Single((await h.AuditAsync()).Skip(auditBefore));
        Assert.Equal(AuditAction.Denied, denial.Action);
        Assert.Equal(AuditOutcome.Denied, denial.Outcome);
        Assert.Equal(code, denial.SituationCode);
        Assert.Equal(DemoPeople.Partner, denial.Actor);
    }

    [Fact]
    public async Task ShowsTheSituationToAPartnerOnTheListUntilTheirAccessExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await SituationsHarness.StartAsync(clock: clock);
        var code = await h.ReportAsync(DemoPeople.Referent);
        var partner = await h.PersonIdAsync(DemoPeople.Partner);

        using var grant = await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/need-to-know", new { personId = partner, expiresAt = clock.GetUtcNow().AddDays(10) });
        var seen = await h.As(DemoPeople.Partner).GetFromJsonAsync<JsonArray>("/api/situations");
        using var detailBefore = await h.As(DemoPeople.Partner).GetAsync($"/api/situations/{code}");
        clock.Advance(TimeSpan.FromDays(11));
        var seenAfter = await h.As(DemoPeople.Partner).GetFromJsonAsync<JsonArray>("/api/situations");
        using var detailAfter = await h.As(DemoPeople.Partner).GetAsync($"/api/situations/{code}");

        Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        Assert.Equal(code, Assert.Single(seen!)!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, detailBefore.StatusCode);
        Assert.Empty(seenAfter!);
        Assert.Equal(HttpStatusCode.NotFound, detailAfter.StatusCode);
    }

    [Fact]
    public async Task GivesAPartnerAnExpiryByDefault()
    {
        await using var h = await SituationsHarness.StartAsync();
        var code = await h.ReportAsync(DemoPeople.Referent);
        var partner = await h.PersonIdAsync(DemoPeople.Partner);

        using var grant = await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/need-to-know", new { personId = partner });

        var detail = await grant.Content.ReadFromJsonAsync<JsonObject>();
        var entry = detail!["needToKnow"]!.AsArray().Single(e => e!["personId"]!.GetValue<Guid>() == partner)!;
        Assert.NotNull(entry["expiresAt"]);
    }

    [Theory]
    [InlineData("Dpo")]
    [InlineData("Admin")]
    public async Task ShowsOnlyMetadataToAdminAndDpo(string persona)
    {
        await using var h = await SituationsHarness.StartAsync();
        var code = await h.ReportAsync(DemoPeople.Referent, new { text = "Contenu confidentiel", identity = new { lastName = "Fictif" } });

        var list = await h.As(SituationLifecycleTests.Oid(persona)).GetFromJsonAsync<JsonArray>("/api/situations");
        using var response = await h.As(SituationLifecycleTests.Oid(persona)).GetAsync($"/api/situations/{code}");
        var body = await response.Content.ReadAsStringAsync();
        using var reveal = await h.PostAsync(SituationLifecycleTests.Oid(persona), $"/api/situations/{code}/identity/reveal", new { reason = "Contrôle DPO" });

        Assert.Equal("metadata", Assert.Single(list!)!["access"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Contenu confidentiel", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Fictif", body, StringComparison.Ordinal);
        Assert.Null(JsonNode.Parse(body)!["signalText"]);
        Assert.Equal(HttpStatusCode.Forbidden, reveal.StatusCode);
    }

    [Fact]
    public async Task LetsTheChairSeeEverySituation()
    {
        await using var h = await SituationsHarness.StartAsync();
        var code = await h.ReportAsync(DemoPeople.Referent, new { text = "Contenu" });

        var detail = await h.GetJsonAsync(DemoPeople.Chair, $"/api/situations/{code}");

        Assert.Equal("Contenu", detail!["signalText"]!.GetValue<string>());
    }

    [Fact]
    public async Task GrantsBreakGlassWithAWrittenReasonAndAuditsIt()
    {
        await using var h = await SituationsHarness.StartAsync();
        var code = await h.ReportAsync(DemoPeople.Referent, new { text = "Contenu" });

        using var noReason = await h.PostAsync(DemoPeople.Coordinator, $"/api/situations/{code}/break-glass", new { reason = "" });
        using var before = await h.As(DemoPeople.Coordinator).GetAsync($"/api/situations/{code}");
        using var broken = await h.PostAsync(DemoPeople.Coordinator, $"/api/situations/{code}/break-glass", new { reason = "Urgence : réunion de crise ce soir" });
        using var after = await h.As(DemoPeople.Coordinator).GetAsync($"/api/situations/{code}");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var entry = Assert.Single(await h.AuditAsync(), e => e.Action == AuditAction.BreakGlass);
        Assert.Equal(code, entry.SituationCode);
        Assert.DoesNotContain("crise", entry.Purpose ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditsEveryReadOfTheSituation()
    {
        await using var h = await SituationsHarness.StartAsync();
        var code = await h.ReportAsync(DemoPeople.Referent);
        var before = (await h.AuditAsync()).Count;

        await h.As(DemoPeople.Referent).GetFromJsonAsync<JsonArray>("/api/situations");
        await h.GetJsonAsync(DemoPeople.Referent, $"/api/situations/{code}");

        var views = (await h.AuditAsync()).Skip(before).ToList();
        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal((AuditAction.View, code, DemoPeople.Referent), (v.Action, v.SituationCode, v.Actor)));
    }
}
