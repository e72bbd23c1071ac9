using System.Net;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Sealing;

/// <summary>
/// Case content at rest (issue 19 item 11): every free-text case field is sealed in the database — a copy of the
/// database alone reveals none of it — while the API still answers it, and a sealed value altered or moved to another
/// row is refused, never shown.
/// </summary>
public sealed class SealingAtRestTests
{
    [Theory, BothProviders]
    public async Task KeepsNoCaseTextInTheDatabaseWhileTheApiStillAnswersIt(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, CaseTextSteps.Settings);
        var texts = await CaseTextSteps.WriteAsync(h);

        var read = await CaseTextSteps.ReadBackAsync(h, texts);
        var raw = await CaseTextSteps.RawDumpAsync(h.App.Database);

        Assert.Equal(CaseTextSteps.All, CaseTextSteps.Found(read, []));
        Assert.Empty(CaseTextSteps.Found(raw, CaseTextSteps.SqliteFiles(h.App.Database)));
        Assert.Contains("tps1:", raw, StringComparison.Ordinal);
        Assert.Empty(CaseTextSteps.Found(string.Join('\n', h.Logs.Lines), []));
    }

    [Theory, BothProviders]
    public async Task RefusesASealedValueMovedToAnotherRowOrAltered(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, CaseTextSteps.Settings);
        var first = await h.ReportAsync(DemoPeople.Referent, new { text = "qqmark premier signal", indicators = new[] { new { key = "threats", evidence = "qqmark premiere evidence" } } });
        var second = await h.ReportAsync(DemoPeople.Referent, new { text = "qqmark second signal" });

        // Someone with the database copies the first situation's sealed text onto the second, and alters an evidence.
        await h.App.Database.ExecuteAsync($"""
            UPDATE "Situations" SET "SignalText" = (SELECT "SignalText" FROM "Situations" WHERE "Code" = '{first}'),
                "SealKeyId" = (SELECT "SealKeyId" FROM "Situations" WHERE "Code" = '{first}') WHERE "Code" = '{second}'
            """);
        await h.App.Database.ExecuteAsync("""UPDATE "SituationIndicators" SET "Evidence" = substr("Evidence", 1, length("Evidence") - 8) || 'AAAAAAA='""");
        using var moved = await h.As(DemoPeople.Referent).GetAsync(new Uri($"/api/situations/{second}", UriKind.Relative));
        using var altered = await h.As(DemoPeople.Referent).GetAsync(new Uri($"/api/situations/{first}", UriKind.Relative));

        foreach (var refused in new[] { moved, altered })
        {
            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain("qqmark", body, StringComparison.Ordinal);
            Assert.Equal("Des données protégées ne peuvent pas être ouvertes.", JsonNode.Parse(body)!["title"]!.GetValue<string>());
        }

        Assert.Contains(h.Logs.Lines, l => l.Contains("Sealed value of Situations.SignalText", StringComparison.Ordinal) && l.Contains("altered or moved", StringComparison.Ordinal));
        Assert.Contains(h.Logs.Lines, l => l.Contains("Sealed value of SituationIndicators.Evidence", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Logs.Lines, l => l.Contains("qqmark", StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task SealsARowAgainWholeWhenOneOfItsTextsChangesAfterARotation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string code;
        await using (var a = SituationsHarness.StartOn(database, KeyRotationTests.Keys(KeyRotationTests.A)))
        {
            code = await a.ReportAsync(DemoPeople.Referent, new { text = "qqmark texte sous la cle a" });
            await SituationLifecycleTests.BringToAsync(a, code, "Included");
        }

        // Under [A, B] with no worker: closing writes the closure reason, and the row's signal text comes along under B.
        await using (var ab = SituationsHarness.StartOn(database, KeyRotationTests.Keys(KeyRotationTests.A, KeyRotationTests.B)))
        {
            using var closed = await ab.PostAsync(DemoPeople.Chair, $"/api/situations/{code}/closure", new { reason = "qqmark cloture sous la cle b" });
            Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        }

        Assert.Contains("Situations:key-b", await CaseTextSteps.KeyIdsAsync(database));
        await using var b = SituationsHarness.StartOn(database, KeyRotationTests.Keys(KeyRotationTests.B));
        var detail = (await b.GetJsonAsync(DemoPeople.Referent, $"/api/situations/{code}"))!;
        Assert.Equal("qqmark texte sous la cle a", detail["signalText"]!.GetValue<string>());
        Assert.Equal("qqmark cloture sous la cle b", detail["closureReason"]!.GetValue<string>());
    }
}
