using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Secrecy;
using TeamsPrevention.Tests.Bot;

namespace TeamsPrevention.Tests.Secrecy;

/// <summary>Someone the directory does not know (the Playground's user): no card, and pressing one is refused and audited.</summary>
public sealed class SecrecyUnknownPersonTests
{
    [Fact]
    public async Task SendsOnlyTheWelcomeToSomeoneNotInTheDirectory()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.PostAsync(bot.LoadActivity("installation-update-personal", "fr-BE"), bot.BotToken());

        var welcome = Assert.Single(bot.PostedActivities);
        Assert.Null(welcome.Json!["attachments"]);
    }

    [Fact]
    public async Task RefusesAndAuditsTheAcceptanceOfSomeoneNotInTheDirectory()
    {
        await using var bot = await BotHarness.StartAsync();
        var invoke = bot.LoadActivity("invoke-adaptive-card-action");
        invoke["value"]!["action"]!["verb"] = "secrecy.accept";
        invoke["value"]!["action"]!["data"] = new JsonObject { ["scope"] = "general", ["version"] = 1 };

        using var response = await bot.PostAsync(invoke, bot.BotToken());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        using var scope = bot.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty(await db.Set<SecrecyAcknowledgement>().ToListAsync());
        var denied = Assert.Single(await db.Set<AuditEntry>().Where(e => e.Action == AuditAction.Acknowledge).ToListAsync());
        Assert.Equal(AuditOutcome.Denied, denied.Outcome);
        Assert.Equal(SecrecyAcknowledgements.AuditTargetType, denied.TargetType);
    }
}
