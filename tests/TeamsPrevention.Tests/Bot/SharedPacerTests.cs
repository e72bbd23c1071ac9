using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Meetings;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Meetings;

namespace TeamsPrevention.Tests.Bot;

/// <summary>
/// One pacer per tenant for every write to the Bot Connector: an alert card, meeting reminders and bot replies sent at
/// the same time share the tenant's budget (here 2 writes a second), instead of the alerts keeping to it alone.
/// </summary>
public sealed class SharedPacerTests
{
    [Fact]
    public async Task AlertCardsMeetingRemindersAndBotRepliesWaitOnTheSameTenantPacer()
    {
        await using var bot = await BotHarness.StartAsync(MeetingBotSteps.Settings(new Dictionary<string, string?>
        {
            ["Meetings:PostAgendaCard"] = "false",
            ["Bot:Pacing:TenantPerSecond"] = "2",
            ["Bot:Pacing:TenantMargin"] = "0",
            ["Alerts:PollInterval"] = "00:00:00.050",
        }));
        await MeetingBotSteps.PersonalChatAsync(bot, DemoPeople.Referent);
        await MeetingBotSteps.PersonalChatAsync(bot, DemoPeople.PoliceReferent);
        await MeetingBotSteps.InsertMeetingAsync(bot, MeetingKind.Case, DateTimeOffset.UtcNow.AddHours(3), [DemoPeople.Referent, DemoPeople.PoliceReferent]);

        // An alert to the referent (its card goes out through the delivery worker), and at the same time the meetings'
        // reminders and two people asking the bot for help.
        await bot.WithServiceAsync<IServiceProvider, Guid>(async sp =>
        {
            var directory = sp.GetRequiredService<DirectoryService>();
            var sender = await directory.FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Coordinator), CancellationToken.None);
            var referent = await directory.FindByEntraObjectIdAsync(Guid.Parse(DemoPeople.Referent), CancellationToken.None);
            var draft = new AlertDraft(AlertSeverity.Info, AlertCategory.Information, "Test", null, [referent!.Id], null, null, false);
            return (await sp.GetRequiredService<AlertService>().CreateAsync(sender!, draft, CancellationToken.None)).Id;
        });
        var token = bot.BotToken();
        var writes = await Task.WhenAll(
            MeetingBotSteps.NoticePassAsync(bot),
            PostAsync(bot, MeetingBotSteps.Message(bot, DemoPeople.Chair, "aide"), token),
            PostAsync(bot, MeetingBotSteps.Message(bot, DemoPeople.Dpo, "aide"), token));
        Assert.Equal(2, writes[0]);
        await TeamsPrevention.Tests.Alerts.AlertHarness.EventuallyAsync(() => Task.FromResult(bot.PostedActivities.Count >= 5), TimeSpan.FromSeconds(20), "the card, the two reminders and the two replies");

        // Five writes at 2 a second: never more than 2 in any sliding second, so at least 2 s from the first to the last
        // (seen where they arrive, 0.9 s for the second: a few milliseconds of network jitter either side).
        var times = bot.PostedActivities.Select(r => r.At).Order().ToList();
        Assert.Equal(5, times.Count);
        var busiest = times.Max(start => times.Count(t => t >= start && t < start.AddMilliseconds(900)));
        Assert.True(busiest <= 2, $"{busiest} connector writes within 0.9 s: {string.Join(", ", times.Select(t => (t - times[0]).TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms");
        Assert.True(times[^1] - times[0] >= TimeSpan.FromMilliseconds(1900), $"The writes took only {(times[^1] - times[0]).TotalMilliseconds:F0} ms.");
    }

    private static async Task<int> PostAsync(BotHarness bot, System.Text.Json.Nodes.JsonObject activity, string token)
    {
        using var response = await bot.PostAsync(activity, token);
        Assert.True(response.IsSuccessStatusCode, $"The bot answered {(int)response.StatusCode}.");
        return 1;
    }
}
