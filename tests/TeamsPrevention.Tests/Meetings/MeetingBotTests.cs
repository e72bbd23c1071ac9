using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Meetings;
using TeamsPrevention.Tests.Bot;
using TeamsPrevention.Tests.Directory;

namespace TeamsPrevention.Tests.Meetings;

/// <summary><c>prochaine réunion</c>, <c>plateforme</c> and <c>planifier</c> in the bot.</summary>
public sealed class MeetingBotTests
{
    [Fact]
    public async Task AnswersTheCallersNextMeetingAndNextPlatformWithTheirJoinLinks()
    {
        await using var bot = await BotHarness.StartAsync(MeetingBotSteps.Settings());
        var platform = await MeetingBotSteps.InsertMeetingAsync(bot, MeetingKind.Platform, DateTimeOffset.UtcNow.AddDays(9), [DemoPeople.Referent]);
        var soon = await MeetingBotSteps.InsertMeetingAsync(bot, MeetingKind.Case, DateTimeOffset.UtcNow.AddDays(2), [DemoPeople.Referent], "K7M-4QX");
        await MeetingBotSteps.InsertMeetingAsync(bot, MeetingKind.Case, DateTimeOffset.UtcNow.AddDays(1), [DemoPeople.PoliceReferent]);

        using var next = await bot.PostAsync(MeetingBotSteps.Message(bot, DemoPeople.Referent, "prochaine réunion"), bot.BotToken());
        var nextReply = await MeetingBotSteps.LastReplyAsync(bot, 0);
        using var plat = await bot.PostAsync(MeetingBotSteps.Message(bot, DemoPeople.Referent, "plateforme"), bot.BotToken());
        var platformReply = await MeetingBotSteps.LastReplyAsync(bot, 1);
        using var none = await bot.PostAsync(MeetingBotSteps.Message(bot, DemoPeople.Partner, "next meeting"), bot.BotToken());
        var noneReply = await MeetingBotSteps.LastReplyAsync(bot, 2);

        Assert.Contains(MeetingBotSteps.JoinUrl + soon.ToString("N"), nextReply.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("K7M-4QX", nextReply.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("1.5", nextReply["attachments"]![0]!["content"]!["version"]!.GetValue<string>());
        Assert.Contains(MeetingBotSteps.JoinUrl + platform.ToString("N"), platformReply.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(noneReply["attachments"]);
        Assert.Contains(noneReply["text"]!.GetValue<string>(), MeetingTexts.All.Select(l => MeetingTexts.For(l).NoNextMeeting));
    }

    [Fact]
    public async Task OpensTheSchedulingCardOnlyForTheCoordination()
    {
        await using var bot = await BotHarness.StartAsync(MeetingBotSteps.Settings());

        using var coordinator = await bot.PostAsync(MeetingBotSteps.Message(bot, DemoPeople.Coordinator, "planifier"), bot.BotToken());
        var form = await MeetingBotSteps.LastReplyAsync(bot, 0);
        using var partner = await bot.PostAsync(MeetingBotSteps.Message(bot, DemoPeople.Partner, "schedule"), bot.BotToken());
        var refusal = await MeetingBotSteps.LastReplyAsync(bot, 1);

        var card = form["attachments"]![0]!["content"]!;
        var action = card["actions"]![0]!;
        Assert.Equal(("Action.Execute", MeetingCards.ScheduleVerb), (action["type"]!.GetValue<string>(), action["verb"]!.GetValue<string>()));
        Assert.Contains(card["body"]!.AsArray(), b => b!["id"]?.GetValue<string>() == "date");
        Assert.Null(refusal["attachments"]);
        Assert.Contains(refusal["text"]!.GetValue<string>(), MeetingTexts.All.Select(l => MeetingTexts.For(l).CoordinationOnly));
    }

    [Fact]
    public async Task SchedulesTheMeetingFromTheCardInBrusselsTimeForTheCoordinationOnly()
    {
        await using var bot = await BotHarness.StartAsync(MeetingBotSteps.Settings());
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14));
        var data = new JsonObject { ["kind"] = "Platform", ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["time"] = "14:00", ["minutes"] = "90" };

        using var refused = await bot.PostAsync(Invoke(bot, DemoPeople.Partner, data), bot.BotToken());
        Assert.Empty(await bot.WithServiceAsync<AppDbContext, List<Meeting>>(db => db.Set<Meeting>().ToListAsync()));
        using var response = await bot.PostAsync(Invoke(bot, DemoPeople.Coordinator, (JsonObject)data.DeepClone()), bot.BotToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        var meeting = Assert.Single(await bot.WithServiceAsync<AppDbContext, List<Meeting>>(db => db.Set<Meeting>().AsNoTracking().ToListAsync()));
        Assert.Equal(MeetingKind.Platform, meeting.Kind);
        var local = BrusselsTime.ToLocal(meeting.StartAt);
        Assert.Equal((date, new TimeOnly(14, 0)), (DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime)));
        Assert.Equal(TimeSpan.FromMinutes(90), meeting.EndAt - meeting.StartAt);
    }

    private static JsonObject Invoke(BotHarness bot, string oid, JsonObject data)
    {
        var activity = bot.LoadActivity("invoke-adaptive-card-action");
        activity["from"]!["aadObjectId"] = oid;
        activity["value"]!["action"]!["verb"] = MeetingCards.ScheduleVerb;
        activity["value"]!["action"]!["data"] = data;
        return activity;
    }
}
