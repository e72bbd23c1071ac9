using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Meetings;
using TeamsPrevention.Tests.Bot;
using TeamsPrevention.Tests.Situations;
using TeamsPrevention.Tests.Tab;

namespace TeamsPrevention.Tests.Meetings;

/// <summary>The bot's side of meetings on <see cref="BotHarness"/> (its recording connector): meetings stored directly, personal chats known.</summary>
internal static class MeetingBotSteps
{
    public const string JoinUrl = "https://teams.example/l/meetup-join/19%3ameeting_test%40thread.v2/0";

    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Situations:IdentityKey"] = SituationsHarness.TestKey,
            ["Situations:WorkerEnabled"] = "false",
            ["Meetings:WorkerEnabled"] = "false",
            ["App:PublicBaseUrl"] = "https://prevention.example/",
            ["Tab:TeamsAppId"] = TestTabLinks.TeamsAppId,
            ["Tenant:GraphBaseUrl"] = "http://127.0.0.1:9/v1.0/",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>A meeting already in Outlook and Teams (join link known), with these attendees and agenda codes.</summary>
    public static Task<Guid> InsertMeetingAsync(BotHarness bot, MeetingKind kind, DateTimeOffset start, string[] attendeeOids, params string[] codes) =>
        bot.WithServiceAsync<AppDbContext, Guid>(async db =>
        {
            var oids = attendeeOids.Select(Guid.Parse).ToList();
            var people = await db.Set<App.Directory.Person>().Where(p => oids.Contains(p.EntraObjectId)).Select(p => p.Id).ToListAsync();
            var id = Guid.NewGuid();
            var meeting = new Meeting
            {
                Id = id,
                Kind = kind,
                Status = MeetingStatus.Scheduled,
                StartAt = start,
                EndAt = start.AddHours(2),
                Occurrences = kind == MeetingKind.Platform ? 1 : null,
                Organizer = "cellule@ville.example",
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
                EventId = "event-" + id.ToString("N"),
                JoinUrl = JoinUrl + id.ToString("N"),
                SyncState = MeetingSyncState.Synced,
                SettingsApplied = true,
                Attendees = [.. people.Select(p => new MeetingAttendee { MeetingId = id, PersonId = p })],
                Items = [.. codes.Select(c => new MeetingItem { Id = Guid.NewGuid(), MeetingId = id, SituationId = Guid.NewGuid(), SituationCode = c })],
            };
            db.Add(meeting);
            await db.SaveChangesAsync();
            return id;
        });

    /// <summary>The person's personal chat with the bot, as Teams told the bot of it.</summary>
    public static Task<string> PersonalChatAsync(BotHarness bot, string oid, string locale = "fr-BE") =>
        bot.WithServiceAsync<AppDbContext, string>(async db =>
        {
            var conversationId = $"a:personal-{oid}";
            db.Add(new BotConversation
            {
                ConversationId = conversationId,
                Kind = ConversationKind.Personal,
                ServiceUrl = bot.Connector.ServiceUrl,
                TenantId = bot.TenantId,
                PersonAadObjectId = oid,
                Locale = locale,
                BotId = BotHarness.BotId,
                Installed = true,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return conversationId;
        });

    public static Task<int> NoticePassAsync(BotHarness bot) =>
        bot.WithServiceAsync<MeetingNotices, int>(n => n.RunPassAsync(CancellationToken.None));

    /// <summary>The cards posted to a conversation.</summary>
    public static List<JsonObject> CardsPostedTo(BotHarness bot, string conversationId) =>
        [.. bot.Connector.Requests
            .Where(r => r.Method == "POST" && Uri.UnescapeDataString(r.Path) == $"/v3/conversations/{conversationId}/activities")
            .Select(r => r.Json!.AsObject())];

    public static JsonObject Message(BotHarness bot, string oid, string text)
    {
        var activity = bot.LoadActivity("message-personal", text: text);
        activity["from"]!["aadObjectId"] = oid;
        activity["id"] = Guid.NewGuid().ToString("N");
        return activity;
    }

    public static async Task<JsonObject> LastReplyAsync(BotHarness bot, int before)
    {
        for (var i = 0; i < 50 && bot.Connector.Requests.Count(r => r.Method == "POST") <= before; i++)
        {
            await Task.Delay(100);
        }

        return bot.Connector.Requests.Last(r => r.Method == "POST").Json!.AsObject();
    }
}
