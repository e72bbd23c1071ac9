using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Situations;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Situations;

public sealed class IdentityTests
{
    [Fact]
    public async Task MasksIdentityUntilRevealedWithAReasonAndAuditsTheReveal()
    {
        await using var h = await SituationsHarness.StartAsync();
        var code = await h.ReportAsync(DemoPeople.Referent, new { identity = new { firstName = "Zébulon", lastName = "Testfictif", school = "École imaginaire" } });

        var detail = await h.GetJsonAsync(DemoPeople.Referent, $"/api/situations/{code}");
        using var noReason = await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/identity/reveal", new { reason = "" });
        using var reveal = await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/identity/reveal", new { reason = "Préparation de la réunion" });

        Assert.DoesNotContain("Testfictif", detail!.ToJsonString(), StringComparison.Ordinal);
        var lastName = detail["identity"]!.AsArray().Single(f => f!["key"]!.GetValue<string>() == "lastName")!;
        Assert.True(lastName["present"]!.GetValue<bool>());
        Assert.Equal("Identity", lastName["category"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
        var revealed = await reveal.Content.ReadFromJsonAsync<JsonArray>();
        Assert.Equal("Testfictif", revealed!.Single(f => f!["key"]!.GetValue<string>() == "lastName")!["value"]!.GetValue<string>());
        var entry = Assert.Single(await h.AuditAsync(), e => e.Action == AuditAction.Reveal);
        Assert.Equal(code, entry.SituationCode);
        Assert.DoesNotContain("réunion", entry.Purpose ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoresIdentityEncryptedApartFromCaseData()
    {
        await using var h = await SituationsHarness.StartAsync();
        var code = await h.ReportAsync(DemoPeople.Referent, new { identity = new { lastName = "Testfictif" } });

        var row = await h.InScopeAsync(db => db.Set<SituationIdentity>().AsNoTracking().SingleAsync());
        var situation = await h.InScopeAsync(db => db.Set<Situation>().AsNoTracking().SingleAsync(s => s.Code == code));
        var file = await File.ReadAllBytesAsync(h.App.Database.Settings["ConnectionStrings:Sqlite"]!.Replace("Data Source=", "", StringComparison.Ordinal));

        Assert.Equal(situation.Id, row.SituationId);
        Assert.Equal(12, row.Nonce.Length);
        Assert.DoesNotContain("Testfictif", Encoding.UTF8.GetString(row.Ciphertext), StringComparison.Ordinal);
        Assert.Equal(-1, file.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Testfictif")));
    }

    [Fact]
    public async Task RefusesToStartInProductionWithoutAnIdentityKey()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tenant:TenantId"] = Guid.NewGuid().ToString(),
            ["Tenant:ClientId"] = Guid.NewGuid().ToString(),
            ["Tenant:ClientSecret"] = "a-secret",
            ["Tenant:Instance"] = "https://login.microsoftonline.com/",
            ["Tenant:GraphBaseUrl"] = "https://graph.microsoft.com/v1.0",
            ["Tenant:BotOpenIdMetadataUrl"] = "https://login.botframework.com/v1/.well-known/openidconfiguration",
            ["Bot:AllowAnonymous"] = "false",
            ["Tab:TeamsAppId"] = Guid.NewGuid().ToString(),
        };
        using var factory = new AppFactory(settings, environment: "Production");

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Situations:IdentityKey", error.ToString(), StringComparison.Ordinal);
    }
}
