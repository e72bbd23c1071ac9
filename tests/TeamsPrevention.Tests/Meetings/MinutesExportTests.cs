using System.Net;
using TeamsPrevention.App.Audit;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Directory;

namespace TeamsPrevention.Tests.Meetings;

/// <summary>The printable minutes: only the items the reader attended, restricted, audited, never cached.</summary>
public sealed class MinutesExportTests
{
    [Fact]
    public async Task ExportsOnlyTheItemsTheReaderAttendedInTheirLanguage()
    {
        await using var h = await MeetingHarness.StartAsync(null);
        var attended = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.PoliceReferent, MinutesSteps.Secretary);
        var missed = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.PoliceReferent, MinutesSteps.Secretary);
        var id = await MinutesSteps.MeetingAsync(h);
        var attendedItem = await MinutesSteps.ItemIdAsync(h, id, attended);
        var missedItem = await MinutesSteps.ItemIdAsync(h, id, missed);
        await MinutesSteps.AttendAsync(h, id, attendedItem, DemoPeople.PoliceReferent, MinutesSteps.Secretary);
        await MinutesSteps.AttendAsync(h, id, missedItem, MinutesSteps.Secretary);
        await MinutesSteps.MinutesAsync(h, id, attendedItem, "Décision Alpha <b>", consensus: true, action: "Entretien Bravo");
        await MinutesSteps.MinutesAsync(h, id, missedItem, "Décision Charlie", consensus: false, action: "Entretien Delta");

        using var response = await h.As(DemoPeople.PoliceReferent).GetAsync($"/api/meetings/{id}/minutes/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("Besluitenlijst", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains(attended, html, StringComparison.Ordinal);
        Assert.Contains("Décision Alpha &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Entretien Bravo", html, StringComparison.Ordinal);
        Assert.Contains("Zone de police Namur Capitale (fictive)", html, StringComparison.Ordinal);
        Assert.DoesNotContain(missed, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Charlie", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Delta", html, StringComparison.Ordinal);
        foreach (var persona in DemoTenant.Personas)
        {
            Assert.DoesNotContain(persona.DisplayName, html, StringComparison.Ordinal);
        }

        var exports = (await h.AuditAsync()).Where(e => e.Action == AuditAction.Export).ToList();
        var export = Assert.Single(exports);
        Assert.Equal(attended, export.SituationCode);
        Assert.Equal(DemoPeople.PoliceReferent, export.Actor);
    }

    [Fact]
    public async Task RefusesTheExportToAnAttendeePresentForNoItemButLetsTheChairOpenIt()
    {
        await using var h = await MeetingHarness.StartAsync(null);
        var code = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.Partner, MinutesSteps.Secretary);
        var id = await MinutesSteps.MeetingAsync(h);
        var itemId = await MinutesSteps.ItemIdAsync(h, id, code);
        await MinutesSteps.AttendAsync(h, id, itemId, MinutesSteps.Secretary);
        await MinutesSteps.MinutesAsync(h, id, itemId, "Décision Echo", consensus: true);

        using var partner = await h.As(DemoPeople.Partner).GetAsync($"/api/meetings/{id}/minutes/export");
        using var stranger = await h.As(DemoPeople.Dpo).GetAsync($"/api/meetings/{id}/minutes/export");
        using var chair = await h.As(DemoPeople.Chair).GetAsync($"/api/meetings/{id}/minutes/export");

        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
        Assert.Equal("application/problem+json", partner.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, chair.StatusCode);
        var html = await chair.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Echo", html, StringComparison.Ordinal);
        var audit = await h.AuditAsync();
        Assert.Contains(audit, e => e.Purpose == "minutes export refused" && e.Actor == DemoPeople.Partner && e.Outcome == AuditOutcome.Denied);
        Assert.Contains(audit, e => e.Action == AuditAction.Export && e.Actor == DemoPeople.Chair);
    }
}
