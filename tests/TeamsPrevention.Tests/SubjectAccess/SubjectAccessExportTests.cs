using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.SubjectAccess;

/// <summary>
/// The DPO's subject-access exports (GDPR art. 15), over HTTP: a file to download, for a directory person or for a
/// situation's subject (sealed fields revealed only there), DPO only, every export and refusal audited.
/// </summary>
public sealed class SubjectAccessExportTests
{
    [Theory, BothProviders]
    public async Task ExportsTheSubjectOfASituationWithTheSealedFieldsOpenedAndAuditsWhatWasExported(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var code = await h.ReportAsync(DemoPeople.Referent, new
        {
            text = "Signal de test",
            indicators = new[] { new { key = "threats", evidence = "Menaces rapportées par l'école" } },
            identity = new { firstName = "Zébulon", lastName = "Testfictif" },
        });

        using var response = await h.As(DemoPeople.Dpo).GetAsync($"/api/subject-access/situations/{code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"acces-situation-{code}.json", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var export = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("situation", export["kind"]!.GetValue<string>());
        var identity = export["identity"]!.AsArray();
        Assert.Equal("Testfictif", identity.Single(f => f!["key"]!.GetValue<string>() == "lastName")!["value"]!.GetValue<string>());
        Assert.Equal("Zébulon", identity.Single(f => f!["key"]!.GetValue<string>() == "firstName")!["value"]!.GetValue<string>());
        Assert.Equal("Signal de test", export["situation"]!["detail"]!["signalText"]!.GetValue<string>());
        Assert.Equal("Menaces rapportées par l'école", export["situation"]!["detail"]!["indicators"]![0]!["evidence"]!.GetValue<string>());
        Assert.NotEmpty(export["recipients"]!.AsArray());
        Assert.NotEmpty(export["leftOut"]!.AsArray());
        // The demo DPO reads German: the file speaks their language.
        Assert.StartsWith("Auskunftsersuchen (DSGVO Art. 15)", export["notice"]!.GetValue<string>(), StringComparison.Ordinal);

        var audit = await h.AuditAsync();
        var exported = Assert.Single(audit, e => e.Action == AuditAction.Export);
        Assert.Equal((DemoPeople.Dpo, code, "SubjectAccess"), (exported.Actor, exported.SituationCode, exported.TargetType));
        Assert.Contains("identity fields 2", exported.Purpose, StringComparison.Ordinal);
        Assert.Contains("indicators 1", exported.Purpose, StringComparison.Ordinal);
        Assert.Single(audit, e => e.Action == AuditAction.Reveal && e.Actor == DemoPeople.Dpo && e.SituationCode == code);
        // Nothing personal in the log: the names went into the file only.
        Assert.DoesNotContain(audit, e => (e.Purpose ?? "").Contains("Testfictif", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task ExportsADirectoryPersonWithTheirListsAndTrailButNoCaseContent(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var code = await h.ReportAsync(DemoPeople.Referent, new { text = "Signal de test", identity = new { lastName = "Testfictif" } });
        var referent = await h.PersonIdAsync(DemoPeople.Referent);

        using var response = await h.As(DemoPeople.Dpo).GetAsync($"/api/subject-access/people/{referent}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonNode.Parse(text)!;
        Assert.Equal("person", export["kind"]!.GetValue<string>());
        Assert.Equal("Sophie Martin", export["person"]!["displayName"]!.GetValue<string>());
        Assert.Contains("Referent", export["person"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains(code, export["situations"]!["signalsRecorded"]!.AsArray().Select(s => s!["situationCode"]!.GetValue<string>()));
        Assert.Contains(code, export["situations"]!["needToKnowLists"]!.AsArray().Select(s => s!["situationCode"]!.GetValue<string>()));
        Assert.True(export["audit"]!["totalEntries"]!.GetValue<int>() > 0);
        Assert.DoesNotContain("Testfictif", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Signal de test", text, StringComparison.Ordinal);

        var exported = Assert.Single(await h.AuditAsync(), e => e.Action == AuditAction.Export);
        Assert.Equal((DemoPeople.Dpo, "Person", referent.ToString()), (exported.Actor, exported.TargetType, exported.TargetId));
        Assert.StartsWith("subject-access export (person)", exported.Purpose, StringComparison.Ordinal);
    }

    [Theory, BothProviders]
    public async Task RefusesEveryoneButTheDpoAndAuditsTheRefusal(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var code = await h.ReportAsync(DemoPeople.Referent, new { identity = new { lastName = "Testfictif" } });
        var referent = await h.PersonIdAsync(DemoPeople.Referent);

        foreach (var oid in new[] { DemoPeople.Chair, DemoPeople.Referent, DemoPeople.Admin })
        {
            using var situation = await h.As(oid).GetAsync($"/api/subject-access/situations/{code}");
            using var person = await h.As(oid).GetAsync($"/api/subject-access/people/{referent}");
            Assert.Equal(HttpStatusCode.Forbidden, situation.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, person.StatusCode);
            Assert.DoesNotContain("Testfictif", await situation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var audit = await h.AuditAsync();
        Assert.Equal(6, audit.Count(e => e.Action == AuditAction.Denied && e.Outcome == AuditOutcome.Denied));
        Assert.DoesNotContain(audit, e => e.Action is AuditAction.Export or AuditAction.Reveal);
    }

    [Fact]
    public async Task AnswersNotFoundForAnUnknownCodeOrPersonAndExportsNothing()
    {
        await using var h = await SituationsHarness.StartAsync();

        using var situation = await h.As(DemoPeople.Dpo).GetAsync("/api/subject-access/situations/ZZZ-9ZZ");
        using var person = await h.As(DemoPeople.Dpo).GetAsync($"/api/subject-access/people/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, situation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, person.StatusCode);
        Assert.Equal("Keine Person mit dieser Kennung im Verzeichnis.", (await person.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
        var audit = await h.AuditAsync();
        Assert.DoesNotContain(audit, e => e.Action == AuditAction.Export);
        Assert.Contains(audit, e => e.Action == AuditAction.Denied && e.SituationCode == "ZZZ-9ZZ" && e.Actor == DemoPeople.Dpo);
    }
}
