using System.Text;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Meetings;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Bot;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Tab;

namespace TeamsPrevention.Tests.Meetings;

/// <summary>Reminders to attendees and the agenda card in the cell's channel: due on time, content-free, sent once.</summary>
public sealed class MeetingNoticeTests
{
    private const string Channel = "19:cell-general@thread.tacv2";

    [Fact]
    public async Task SendsEachAttendeeOneContentFreeReminderWithTheJoinLinkEvenWithConcurrentPasses()
    {
        await using var bot = await BotHarness.StartAsync(MeetingBotSteps.Settings(new Dictionary<string, string?> { ["Meetings:PostAgendaCard"] = "false" }));
        var referent = await MeetingBotSteps.PersonalChatAsync(bot, DemoPeople.Referent);
        var police = await MeetingBotSteps.PersonalChatAsync(bot, DemoPeople.PoliceReferent, "nl-BE");
        var id = await MeetingBotSteps.InsertMeetingAsync(
            bot, MeetingKind.Case, DateTimeOffset.UtcNow.AddHours(3), [DemoPeople.Referent, DemoPeople.PoliceReferent, DemoPeople.Partner], "K7M-4QX");

        var sent = await Task.WhenAll(MeetingBotSteps.NoticePassAsync(bot), MeetingBotSteps.NoticePassAsync(bot), MeetingBotSteps.NoticePassAsync(bot));
        var again = await MeetingBotSteps.NoticePassAsync(bot);

        Assert.Equal(2, sent.Sum());
        Assert.Equal(0, again);
        var toReferent = Assert.Single(MeetingBotSteps.CardsPostedTo(bot, referent));
        var toPolice = Assert.Single(MeetingBotSteps.CardsPostedTo(bot, police));
        foreach (var activity in new[] { toReferent, toPolice })
        {
            var card = activity["attachments"]![0]!["content"]!;
            Assert.Equal("1.5", card["version"]!.GetValue<string>());
            Assert.True(Encoding.UTF8.GetByteCount(activity.ToJsonString()) <= 28 * 1024);
            var json = activity.ToJsonString();
            Assert.Contains(MeetingBotSteps.JoinUrl + id.ToString("N"), json, StringComparison.Ordinal);
            Assert.Contains(TestTabLinks.DeepLink($"meetings/{id}"), json, StringComparison.Ordinal);
            Assert.DoesNotContain("K7M-4QX", json, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoTenant.Personas, p => json.Contains(p.DisplayName, StringComparison.Ordinal));
        }

        Assert.Contains("Rappel", toReferent.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Herinnering", toPolice.ToJsonString(), StringComparison.Ordinal);
        var notices = await bot.WithServiceAsync<MeetingNotices, IReadOnlyList<MeetingNoticeView>>(n => n.ListAsync(id, CancellationToken.None));
        Assert.Equal(3, notices.Count);
        Assert.Equal(2, notices.Count(n => n.Status == MeetingNoticeStatus.Sent));
        Assert.Equal(MeetingNotices.NoConversation, Assert.Single(notices, n => n.Status == MeetingNoticeStatus.Failed).Failure);
    }

    [Fact]
    public async Task WaitsForTheConfiguredLeadBeforeReminding()
    {
        await using var bot = await BotHarness.StartAsync(MeetingBotSteps.Settings(new Dictionary<string, string?>
        {
            ["Meetings:ReminderLead"] = "01:00:00",
            ["Meetings:PostAgendaCard"] = "false",
        }));
        var referent = await MeetingBotSteps.PersonalChatAsync(bot, DemoPeople.Referent);
        var id = await MeetingBotSteps.InsertMeetingAsync(bot, MeetingKind.Case, DateTimeOffset.UtcNow.AddHours(3), [DemoPeople.Referent]);

        Assert.Equal(0, await MeetingBotSteps.NoticePassAsync(bot));
        Assert.Empty(MeetingBotSteps.CardsPostedTo(bot, referent));

        await bot.WithServiceAsync<AppDbContext, int>(db => db.Set<Meeting>().Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.StartAt, DateTimeOffset.UtcNow.AddMinutes(50)).SetProperty(m => m.EndAt, DateTimeOffset.UtcNow.AddMinutes(110))));
        Assert.Equal(1, await MeetingBotSteps.NoticePassAsync(bot));
        Assert.Single(MeetingBotSteps.CardsPostedTo(bot, referent));
    }

    [Fact]
    public async Task PostsOneAgendaCardToTheCellChannelWithTheItemCountButNoCode()
    {
        await using var bot = await BotHarness.StartAsync(MeetingBotSteps.Settings(new Dictionary<string, string?>
        {
            ["Meetings:AgendaChannelId"] = Channel,
            ["Meetings:ReminderLead"] = "01:00:00",
        }));
        await bot.WithServiceAsync<AppDbContext, int>(db =>
        {
            db.Add(new BotConversation
            {
                ConversationId = Channel,
                Kind = ConversationKind.Channel,
                ServiceUrl = bot.Connector.ServiceUrl,
                TenantId = bot.TenantId,
                TeamId = Channel,
                ChannelId = Channel,
                BotId = BotHarness.BotId,
                Installed = true,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        var id = await MeetingBotSteps.InsertMeetingAsync(bot, MeetingKind.Case, DateTimeOffset.UtcNow.AddDays(10), [DemoPeople.Referent], "K7M-4QX", "P3R-9ZT");

        Assert.Equal(1, await MeetingBotSteps.NoticePassAsync(bot));
        Assert.Equal(0, await MeetingBotSteps.NoticePassAsync(bot));

        var activity = Assert.Single(MeetingBotSteps.CardsPostedTo(bot, Channel));
        var json = activity.ToJsonString();
        var card = activity["attachments"]![0]!["content"]!;
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains(card["body"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "FactSet"
            && b["facts"]!.AsArray().Any(f => f!["value"]!.GetValue<string>() == "2"));
        Assert.Contains(TestTabLinks.DeepLink($"meetings/{id}"), json, StringComparison.Ordinal);
        Assert.DoesNotContain("K7M-4QX", json, StringComparison.Ordinal);
        Assert.DoesNotContain("P3R-9ZT", json, StringComparison.Ordinal);
        Assert.DoesNotContain("meetup-join", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComputesThePlatformOccurrencesOnTheSameWeekdayAcrossTheClockChange()
    {
        // Second Tuesday of March 2027, 14:00 in Brussels (winter time, UTC+1).
        var meeting = new Meeting
        {
            Kind = MeetingKind.Platform,
            Organizer = "x",
            StartAt = new DateTimeOffset(2027, 3, 9, 13, 0, 0, TimeSpan.Zero),
            EndAt = new DateTimeOffset(2027, 3, 9, 15, 0, 0, TimeSpan.Zero),
            Occurrences = 3,
        };

        var occurrences = MeetingOccurrences.Of(meeting);

        Assert.Equal(
            [new DateTimeOffset(2027, 3, 9, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 4, 13, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 5, 11, 12, 0, 0, TimeSpan.Zero)],
            occurrences.Select(o => o.Start));
        Assert.All(occurrences, o => Assert.Equal(TimeSpan.FromHours(2), o.End - o.Start));
    }
}
