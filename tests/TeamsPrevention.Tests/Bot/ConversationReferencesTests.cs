using System.Net;
using TeamsPrevention.App.Bot;

namespace TeamsPrevention.Tests.Bot;

/// <summary>Conversation references captured from installation, conversation updates and messages.</summary>
public sealed class ConversationReferencesTests
{
    private const string PersonAadObjectId = "00000000-0000-0000-0000-0000000000020";

    [Fact]
    public async Task StoresPersonalReferenceOnInstall()
    {
        await using var bot = await BotHarness.StartAsync();

        using var response = await bot.PostAsync(bot.LoadActivity("installation-update-personal", "fr-BE"), bot.BotToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await bot.WithServiceAsync<ConversationReferences, BotConversation?>(r => r.FindPersonalAsync(PersonAadObjectId, CancellationToken.None));
        Assert.NotNull(stored);
        Assert.Equal("59a26b6d-814b-4e97-a119-10c6b020c20d", stored.ConversationId);
        Assert.Equal(ConversationKind.Personal, stored.Kind);
        Assert.Equal(bot.Connector.ServiceUrl, stored.ServiceUrl);
        Assert.Equal(bot.TenantId, stored.TenantId);
        Assert.Equal("user-id-0", stored.PersonTeamsUserId);
        Assert.Equal(BotHarness.BotId, stored.BotId);
        Assert.Equal("fr-BE", stored.Locale);
        Assert.True(stored.Installed);
        Assert.Null(stored.TeamId);
        Assert.True(stored.UpdatedAt > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task StoresPersonalReferenceOnConversationUpdateWithoutMarkingItInstalled()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.PostAsync(bot.LoadActivity("conversation-update-personal"), bot.BotToken());

        var stored = Assert.Single(await bot.StoredConversationsAsync());
        Assert.Equal(PersonAadObjectId, stored.PersonAadObjectId);
        Assert.False(stored.Installed);
    }

    [Fact]
    public async Task StoresChannelReferenceOnConversationUpdate()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.PostAsync(bot.LoadActivity("conversation-update-channel"), bot.BotToken());

        var channels = await bot.WithServiceAsync<ConversationReferences, IReadOnlyList<BotConversation>>(r => r.ListForTeamAsync("team-id", CancellationToken.None));
        var channel = Assert.Single(channels);
        Assert.Equal(ConversationKind.Channel, channel.Kind);
        Assert.Equal("team-id", channel.ConversationId);
        Assert.Equal("team-id", channel.ChannelId);
        Assert.Null(channel.PersonAadObjectId);
        Assert.Empty(bot.Connector.Requests);
    }

    [Fact]
    public async Task RefreshesChannelReferenceFromMessageWithoutTheThreadId()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.PostAsync(bot.LoadActivity("message-channel-mention"), bot.BotToken());

        var channel = Assert.Single(await bot.WithServiceAsync<ConversationReferences, IReadOnlyList<BotConversation>>(
            r => r.ListForTeamAsync("team-id", CancellationToken.None)));
        Assert.Equal("channel-announcements-id", channel.ConversationId);
        Assert.Equal("channel-announcements-id", channel.ChannelId);
        Assert.Equal("en-US", channel.Locale);
    }

    [Fact]
    public async Task UpsertsOneReferencePerConversation()
    {
        await using var bot = await BotHarness.StartAsync();

        await bot.PostAsync(bot.LoadActivity("conversation-update-personal"), bot.BotToken());
        await bot.PostAsync(bot.LoadActivity("installation-update-personal", "nl-BE"), bot.BotToken());
        await bot.PostAsync(bot.LoadActivity("message-personal", "de-DE", "hilfe"), bot.BotToken());

        var stored = Assert.Single(await bot.StoredConversationsAsync());
        Assert.True(stored.Installed);
        Assert.Equal("de-DE", stored.Locale);
    }

    [Fact]
    public async Task MarksReferenceNotInstalledOnRemoval()
    {
        await using var bot = await BotHarness.StartAsync();
        var remove = bot.LoadActivity("installation-update-personal");
        remove["action"] = "remove";

        await bot.PostAsync(bot.LoadActivity("installation-update-personal"), bot.BotToken());
        await bot.PostAsync(remove, bot.BotToken());

        Assert.False(Assert.Single(await bot.StoredConversationsAsync()).Installed);
    }
}
