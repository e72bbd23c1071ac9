using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Situations;
using TeamsPrevention.App.Tab;
using TeamsPrevention.Tests.Bot;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Tab;

namespace TeamsPrevention.Tests.Situations;

/// <summary>
/// The message extension through raw invokes on <c>/api/messages</c>, as Teams sends them: search (need-to-know, cap,
/// audit), link unfurling (content-free, whoever pastes), and the bot's authentication.
/// </summary>
public sealed class SituationMessageExtensionTests
{
    private const string Secret = "Zébulon Testfictif, né le 14/03/2009";
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Situations:IdentityKey"] = SituationsHarness.TestKey,
        ["Situations:WorkerEnabled"] = "false",
        ["App:PublicBaseUrl"] = "https://prevention.example/",
        ["Tab:TeamsAppId"] = TestTabLinks.TeamsAppId,
    };

    [Fact]
    public async Task APartnerFindsOnlyTheCodesOnTheirListAndTheChairFindsAll()
    {
        await using var bot = await BotHarness.StartAsync(Settings);
        await SeedAsync(bot, ("PAR-TNR", SituationStatus.Included, DemoPeople.Partner), ("PAS-222", SituationStatus.Included, null), ("ZZZ-999", SituationStatus.Signalled, null));

        var partnerAll = await CodesAsync(bot, DemoPeople.Partner, "");
        var partnerPrefix = await CodesAsync(bot, DemoPeople.Partner, "pa");
        var partnerOther = await CodesAsync(bot, DemoPeople.Partner, "PAS-222");
        var partnerStatus = await CodesAsync(bot, DemoPeople.Partner, "opgenomen");
        var chairPrefix = await CodesAsync(bot, DemoPeople.Chair, "pa");
        var chairStatus = await CodesAsync(bot, DemoPeople.Chair, "signal");
        var chairNoDash = await CodesAsync(bot, DemoPeople.Chair, "zzz9");

        Assert.Equal(["PAR-TNR"], partnerAll);
        Assert.Equal(["PAR-TNR"], partnerPrefix);
        Assert.Empty(partnerOther);
        Assert.Equal(["PAR-TNR"], partnerStatus);
        Assert.Equal(["PAR-TNR", "PAS-222"], chairPrefix);
        Assert.Equal(["ZZZ-999"], chairStatus);
        Assert.Equal(["ZZZ-999"], chairNoDash);
        var audit = await AuditAsync(bot);
        Assert.Contains(audit, e => e.SituationCode == "PAR-TNR" && e.Purpose == "search" && e.Action == AuditAction.View);
        Assert.Contains(audit, e => e.TargetType == "SituationSearch" && e.Purpose == "message extension search: 0 shown");
        Assert.DoesNotContain(audit, e => e.Actor == DemoPeople.Partner && e.SituationCode == "PAS-222");
        Assert.DoesNotContain(audit, e => (e.Purpose ?? "").Contains("opgenomen", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnswersTeamsSearchResultShapeWithAContentFreeCardAndThePreview()
    {
        await using var bot = await BotHarness.StartAsync(Settings);
        await SeedAsync(bot, ("ABC-DEF", SituationStatus.Included, DemoPeople.Referent));

        using var response = await bot.PostAsync(Query(bot, DemoPeople.Referent, "abc", "fr-BE"), bot.BotToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!;
        Assert.Equal(("result", "list"), (body["type"]!.GetValue<string>(), body["attachmentLayout"]!.GetValue<string>()));
        var attachment = Assert.Single(body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.thumbnail", attachment["preview"]!["contentType"]!.GetValue<string>());
        Assert.Equal("ABC-DEF", attachment["preview"]!["content"]!["title"]!.GetValue<string>());
        Assert.Equal("inscrite · Prochaine réévaluation 15/01/2027", attachment["preview"]!["content"]!["text"]!.GetValue<string>());
        var card = attachment["content"]!.ToJsonString();
        Assert.Contains("ABC-DEF", card, StringComparison.Ordinal);
        Assert.Contains("https://teams.microsoft.com/l/entity/", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Testfictif", card, StringComparison.Ordinal);
        Assert.DoesNotContain("inscrite", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CapsTheResultsAndSaysSo()
    {
        await using var bot = await BotHarness.StartAsync(Settings);
        await SeedAsync(bot, [.. Enumerable.Range(0, 30).Select(i => ($"CAP-{SituationCodes.Alphabet[i]}22", SituationStatus.Signalled, (string?)null))]);

        using var response = await bot.PostAsync(Query(bot, DemoPeople.Chair, "cap", "en-US"), bot.BotToken());

        var attachments = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!["attachments"]!.AsArray();
        Assert.Equal(SituationSearch.MaxResults, attachments.Count);
        Assert.EndsWith("first 25 results: type more of the code", attachments[^1]!["preview"]!["content"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(bot), e => e.Purpose == "message extension search: 25 shown (capped)");
    }

    [Fact]
    public async Task RefusesAPersonOutsideTheDirectoryAndAuditsIt()
    {
        await using var bot = await BotHarness.StartAsync(Settings);
        await SeedAsync(bot, ("ABC-DEF", SituationStatus.Included, null));
        var stranger = Guid.NewGuid().ToString();

        using var response = await bot.PostAsync(Query(bot, stranger, "abc", "nl-BE"), bot.BotToken());

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!;
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.DoesNotContain("ABC-DEF", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(bot), e => e.Actor == stranger && e.Action == AuditAction.Denied && e.Outcome == AuditOutcome.Denied);
    }

    [Fact]
    public async Task RefusesAnonymousForgedAndPersonalTokens()
    {
        await using var bot = await BotHarness.StartAsync(Settings);
        await SeedAsync(bot, ("ABC-DEF", SituationStatus.Included, DemoPeople.Referent));
        var forger = new Microsoft.IdentityModel.Tokens.SigningCredentials(
            new Microsoft.IdentityModel.Tokens.RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = bot.Issuer.BotKey.KeyId },
            Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256);

        foreach (var token in new[] { null, bot.BotToken(signing: forger), bot.UserToken(DemoPeople.Referent), bot.EntraToken() })
        {
            using var response = await bot.PostAsync(Query(bot, DemoPeople.Referent, "abc", null), token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain("ABC-DEF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("fr-BE", "Situation suivie par la cellule. Le lien vérifie votre accès.")]
    [InlineData("nl-BE", "Situatie opgevolgd door de cel. De link controleert uw toegang.")]
    [InlineData("de-BE", "Von der Zelle begleitete Situation. Der Link prüft Ihren Zugang.")]
    [InlineData("en-US", "Situation followed by the cell. The link checks your access.")]
    public async Task UnfurlsATabLinkIntoTheSameContentFreeCardWhoeverPastesIt(string locale, string phrase)
    {
        await using var bot = await BotHarness.StartAsync(Settings);
        await SeedAsync(bot, ("ABC-DEF", SituationStatus.Included, DemoPeople.Referent));
        var teamsLink = TabLinks.TeamsDeepLink(TestTabLinks.TeamsAppId, "situations/ABC-DEF");
        const string webLink = "https://prevention.example/#/situations/ABC-DEF";

        var cards = new List<string>();
        foreach (var (who, link) in new[] { (DemoPeople.Referent, teamsLink), (DemoPeople.Partner, teamsLink), (Guid.NewGuid().ToString(), webLink) })
        {
            using var response = await bot.PostAsync(QueryLink(bot, who, link, locale), bot.BotToken());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!;
            Assert.Equal("result", result["type"]!.GetValue<string>());
            cards.Add(Assert.Single(result["attachments"]!.AsArray())!["content"]!.ToJsonString(Readable));
        }

        Assert.Single(cards.Distinct());
        var card = JsonNode.Parse(cards[0])!;
        Assert.Equal("1.3", card["version"]!.GetValue<string>());
        Assert.Equal(["ABC-DEF", phrase], card["body"]!.AsArray().Select(b => b!["text"]!.GetValue<string>()));
        Assert.Equal(teamsLink, card["actions"]![0]!["url"]!.GetValue<string>());
        foreach (var name in DemoTenantNames().Append("Testfictif").Append("Zébulon").Append("14/03/2009"))
        {
            Assert.DoesNotContain(name, cards[0], StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("https://prevention.example/#/alerts/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("https://elsewhere.example/#/situations/ABC-DEF")]
    [InlineData("https://teams.microsoft.com/l/entity/00000000-0000-0000-0000-000000000000/dashboard?context=%7B%22subEntityId%22%3A%22situations%2FABC-DEF%22%7D")]
    [InlineData("https://prevention.example/#/situations/abc-def%0A")]
    [InlineData("https://teams.microsoft.com/l/entity/5d7c1e2a-8f34-4b6d-9a0e-2c4b6d8f0a13/dashboard?context=%7Bnot-json")]
    public async Task LeavesOtherLinksAsTheyAre(string link)
    {
        await using var bot = await BotHarness.StartAsync(Settings);

        using var response = await bot.PostAsync(QueryLink(bot, DemoPeople.Chair, link, "fr-BE"), bot.BotToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!;
        Assert.Empty(result["attachments"]!.AsArray());
    }

    [Fact]
    public async Task UnfurlsACodeThatDoesNotExistAlikeSoThatPastingRevealsNothing()
    {
        await using var bot = await BotHarness.StartAsync(Settings);
        await SeedAsync(bot, ("ABC-DEF", SituationStatus.Included, null));

        var existing = await UnfurlAsync(bot, "ABC-DEF");
        var missing = await UnfurlAsync(bot, "XYZ-WVU");

        Assert.Equal(existing.Replace("ABC-DEF", "XYZ-WVU", StringComparison.Ordinal), missing);
    }

    private static async Task<string> UnfurlAsync(BotHarness bot, string code)
    {
        using var response = await bot.PostAsync(QueryLink(bot, DemoPeople.Partner, $"https://prevention.example/#/situations/{code}", "fr-BE"), bot.BotToken());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!.ToJsonString();
    }

    private static IEnumerable<string> DemoTenantNames() =>
        TeamsPrevention.Sandbox.Tenant.DemoTenant.Personas.SelectMany(p => p.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(n => n.Length > 3);

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task<List<string>> CodesAsync(BotHarness bot, string oid, string text)
    {
        using var response = await bot.PostAsync(Query(bot, oid, text, "fr-BE"), bot.BotToken());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!;
        return body["type"]!.GetValue<string>() == "message"
            ? []
            : [.. body["attachments"]!.AsArray().Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>())];
    }

    private static JsonObject Query(BotHarness bot, string oid, string text, string? locale)
    {
        var activity = Invoke(bot, oid, "composeExtension/query", locale);
        activity["value"] = new JsonObject
        {
            ["commandId"] = "findSituation",
            ["parameters"] = new JsonArray(text.Length == 0
                ? new JsonObject { ["name"] = "initialRun", ["value"] = "true" }
                : new JsonObject { ["name"] = "searchQuery", ["value"] = text }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        };
        return activity;
    }

    private static JsonObject QueryLink(BotHarness bot, string oid, string url, string? locale)
    {
        var activity = Invoke(bot, oid, "composeExtension/queryLink", locale);
        activity["value"] = new JsonObject { ["url"] = url };
        return activity;
    }

    private static JsonObject Invoke(BotHarness bot, string oid, string name, string? locale)
    {
        var activity = bot.LoadActivity("invoke-adaptive-card-action", locale);
        activity["from"]!["aadObjectId"] = oid;
        activity["name"] = name;
        activity["id"] = Guid.NewGuid().ToString("N");
        activity.Remove("replyToId");
        return activity;
    }

    private static Task<List<AuditEntry>> AuditAsync(BotHarness bot) =>
        bot.WithServiceAsync<AppDbContext, List<AuditEntry>>(db => db.Set<AuditEntry>().AsNoTracking().ToListAsync());

    /// <summary>Situations with a code and a status, and the one person (besides nobody) on each list; a secret signal text each.</summary>
    private static Task SeedAsync(BotHarness bot, params (string Code, SituationStatus Status, string? OnList)[] situations) =>
        bot.WithServiceAsync<IServiceProvider, int>(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var directory = sp.GetRequiredService<DirectoryService>();
            var chair = (await directory.FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Chair), default))!;
            var organisation = await db.Set<Organisation>().Select(o => o.Id).FirstAsync();
            foreach (var (code, status, onList) in situations)
            {
                var situation = new Situation
                {
                    Id = Guid.NewGuid(),
                    Code = code,
                    Status = status,
                    SourceOrganisationId = organisation,
                    SignalDate = new DateOnly(2026, 11, 2),
                    SignalText = Secret,
                    CreatedAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
                    ReportedBy = chair.Id,
                    NextReviewAt = status == SituationStatus.Included ? new DateTimeOffset(2027, 1, 14, 23, 30, 0, TimeSpan.Zero) : null,
                };
                if (onList is not null)
                {
                    var person = (await directory.FindByEntraObjectIdAsync(Guid.Parse(onList), default))!;
                    situation.NeedToKnow.Add(new NeedToKnowEntry { SituationId = situation.Id, PersonId = person.Id, GrantedBy = chair.Id, GrantedAt = situation.CreatedAt });
                }

                db.Add(situation);
            }

            return await db.SaveChangesAsync();
        });
}
