using System.Net;
using System.Text.Json.Nodes;
using TeamsPrevention.Tests.Bot;

namespace TeamsPrevention.Tests.Security;

/// <summary>
/// Who may call <c>/api/messages</c>: only the Bot Framework channel. Every other token — a person's tab sign-in of
/// either version, an application token of the tenant (another app's, or one naming the bot itself as the Emulator's
/// path does), a channel-signed token that carries a person's claims — is refused before anything is read, stored or
/// sent: no reply, no connector token asked for, no conversation reference stored or replaced.
/// </summary>
public sealed class BotTokenMatrixTests
{
    private const string ChairObjectId = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";

    [Theory]
    [InlineData("tab sign-in token (v2)")]
    [InlineData("tab sign-in token (v1 issuer)")]
    [InlineData("tab sign-in token with the attacker's serviceUrl claim")]
    [InlineData("application token of another app")]
    [InlineData("application token naming the bot itself")]
    [InlineData("application token of the tenant, v1 issuer")]
    [InlineData("channel-signed token with a delegated scope")]
    [InlineData("channel-signed token of a user type")]
    public async Task RefusesEveryTokenThatIsNotTheChannels(string kind)
    {
        await using var bot = await BotHarness.StartAsync();
        var attacker = "http://127.0.0.1:9/attacker/";
        var v1 = $"https://sts.windows.net/{bot.TenantId}/";
        var token = kind switch
        {
            "tab sign-in token (v2)" => bot.UserToken(ChairObjectId),
            "tab sign-in token (v1 issuer)" => bot.UserToken(ChairObjectId, issuer: v1),
            "tab sign-in token with the attacker's serviceUrl claim" => bot.UserToken(ChairObjectId, serviceUrl: attacker),
            "application token of another app" => bot.EntraToken(serviceUrl: attacker),
            "application token naming the bot itself" => bot.EntraToken(claims: new Dictionary<string, object> { ["azp"] = BotHarness.BotAppId, ["appid"] = BotHarness.BotAppId }),
            "application token of the tenant, v1 issuer" => bot.EntraToken(issuer: v1, claims: new Dictionary<string, object> { ["appid"] = Guid.NewGuid().ToString(), ["ver"] = "1.0" }),
            "channel-signed token with a delegated scope" => bot.BotTokenWithClaims(new Dictionary<string, object> { ["scp"] = "access_as_user", ["oid"] = ChairObjectId }),
            "channel-signed token of a user type" => bot.BotTokenWithClaims(new Dictionary<string, object> { ["idtyp"] = "user" }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        foreach (var activity in new[] { Message(bot, attacker), Install(bot, attacker), Message(bot, null), Install(bot, null) })
        {
            using var response = await bot.PostAsync(activity, token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.All(bot.LoggedMessages(2000), m => Assert.Equal("Bot request refused: NotAChannelToken", m));
        Assert.Equal(4, bot.LoggedMessages(2000).Count);
        Assert.Empty(bot.Connector.Requests);
        Assert.Empty(bot.Issuer.IssuedAccessTokens);
        Assert.Empty(await bot.StoredConversationsAsync());
    }

    /// <summary>
    /// The reported attack, end to end: a school partner's ordinary tab token on <c>/api/messages</c>, <c>from</c> = the
    /// Chair, <c>serviceUrl</c> = a server of the caller's choice. Refused; and the Chair's real conversation, stored from
    /// the channel, stays hers: her next proactive message goes where Teams delivers it.
    /// </summary>
    [Fact]
    public async Task APartnersSignInTokenCannotTakeOverTheChairsConversation()
    {
        await using var bot = await BotHarness.StartAsync();
        using (var real = await bot.PostAsync(Install(bot, null), bot.BotToken()))
        {
            Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        }

        var before = Assert.Single(await bot.StoredConversationsAsync());
        var sentBefore = bot.Connector.Requests.Count;
        var attacker = "http://127.0.0.1:9/attacker/";
        var partnerToken = bot.UserToken(Guid.NewGuid().ToString(), serviceUrl: attacker);

        var takeover = Install(bot, attacker);
        takeover["conversation"]!["id"] = "a:attacker-conversation";
        using (var response = await bot.PostAsync(takeover, partnerToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var response = await bot.PostAsync(Message(bot, attacker), partnerToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var after = Assert.Single(await bot.StoredConversationsAsync());
        Assert.Equal(before.ConversationId, after.ConversationId);
        Assert.Equal(before.ServiceUrl, after.ServiceUrl);
        Assert.Equal(sentBefore, bot.Connector.Requests.Count);
    }

    /// <summary>
    /// A channel token whose <c>serviceurl</c> is not one of the channel's configured services: the turn is answered
    /// (the channel signed it), but no conversation reference is stored or replaced from it.
    /// </summary>
    [Fact]
    public async Task AnActivityFromAServiceThatIsNotTheChannelsStoresNoConversation()
    {
        await using var bot = await BotHarness.StartAsync();
        using (var real = await bot.PostAsync(Install(bot, null), bot.BotToken()))
        {
            Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        }

        var before = Assert.Single(await bot.StoredConversationsAsync());

        // Another path on the same server: not under the configured service URL.
        var elsewhere = bot.Connector.ServiceUrl.Replace("/connector", "/elsewhere", StringComparison.Ordinal);
        var activity = Install(bot, elsewhere);
        using (var response = await bot.PostAsync(activity, bot.BotToken(serviceUrl: elsewhere)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var after = Assert.Single(await bot.StoredConversationsAsync());
        Assert.Equal(before.ServiceUrl, after.ServiceUrl);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
    }

    private static JsonObject Message(BotHarness bot, string? serviceUrl)
    {
        var activity = bot.LoadActivity("message-personal", text: "mes situations");
        activity["from"]!["aadObjectId"] = ChairObjectId;
        if (serviceUrl is not null)
        {
            activity["serviceUrl"] = serviceUrl;
        }

        return activity;
    }

    private static JsonObject Install(BotHarness bot, string? serviceUrl)
    {
        var activity = bot.LoadActivity("installation-update-personal");
        activity["from"]!["aadObjectId"] = ChairObjectId;
        if (serviceUrl is not null)
        {
            activity["serviceUrl"] = serviceUrl;
        }

        return activity;
    }
}
