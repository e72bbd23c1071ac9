using System.Net.Http.Json;
using TeamsPrevention.App.Bot;
using TeamsPrevention.Sandbox;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Situations;

public sealed class NotificationTests
{
    [Fact]
    public async Task TellsTheChairAndTheDpoOfABreakGlassWithoutItsReason()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var chair = await PersonalChatAsync(sandbox, h, DemoPeople.Chair);
        var dpo = await PersonalChatAsync(sandbox, h, DemoPeople.Dpo);
        var code = await h.ReportAsync(DemoPeople.Referent);

        (await h.PostAsync(DemoPeople.Coordinator, $"/api/situations/{code}/break-glass", new { reason = "Urgence Quibbleworth ce soir" })).EnsureSuccessStatusCode();

        foreach (var conversation in new[] { chair, dpo })
        {
            var activity = Assert.Single(sandbox.State.FindConversation(conversation)!.Activities).Current;
            var text = activity["text"]!.GetValue<string>();
            Assert.Contains(code, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Quibbleworth", activity.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TellsTheReferentWhenTheReconciliationCorrectsTheChannel()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox);
        var referent = await PersonalChatAsync(sandbox, h, DemoPeople.Referent);
        var code = await h.ReportAsync(DemoPeople.Referent);
        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        await h.RunChannelPassesAsync();
        var channelId = Assert.Single(ChannelTests.Channels(sandbox, code)).Id;
        using var graph = await ChannelTests.GraphClientAsync(sandbox);
        (await graph.PostAsJsonAsync($"teams/{DemoTenant.CellTeamId}/channels/{channelId}/members", ChannelTests.Member(DemoPeople.Coordinator, owner: false))).EnsureSuccessStatusCode();

        await ChannelTests.MakeDueAsync(h);
        await h.RunChannelPassesAsync();

        var text = Assert.Single(sandbox.State.FindConversation(referent)!.Activities).Current["text"]!.GetValue<string>();
        Assert.Contains(code, text, StringComparison.Ordinal);
    }

    /// <summary>The persona installed the app: a personal chat exists in the sandbox and the App knows its reference.</summary>
    internal static async Task<string> PersonalChatAsync(SandboxServer sandbox, SituationsHarness h, string oid)
    {
        var persona = DemoTenant.FindPersona(oid)!;
        sandbox.State.InstallApp(DemoTenant.TenantId, oid, DemoTenant.BotAppId);
        var conversation = sandbox.State.GetOrCreateConversation(DemoTenant.TenantId, DemoTenant.BotAppId, persona, out _);
        await h.InScopeAsync(async db =>
        {
            db.Add(new BotConversation
            {
                ConversationId = conversation.Id,
                Kind = ConversationKind.Personal,
                ServiceUrl = new Uri(sandbox.BaseUrl, "connector/").ToString(),
                TenantId = DemoTenant.TenantId,
                PersonAadObjectId = oid,
                PersonTeamsUserId = persona.TeamsUserId,
                Locale = "fr-BE",
                BotId = "28:" + DemoTenant.BotAppId,
                Installed = true,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        return conversation.Id;
    }
}
