using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Bot;
using TeamsPrevention.Tests.Bot;

namespace TeamsPrevention.Tests.Security;

/// <summary>
/// Anonymous mode (<c>Bot:AllowAnonymous</c>, on in <c>dotnet run</c>'s Development settings) is for the Agents
/// Playground on this machine. Without the channel's token, a caller may name the channel's own service URL (the
/// sandbox's connector) in its activity: such a turn is answered, but it stores and replaces no conversation reference,
/// so a person's proactive messages keep going to the conversation the channel told the bot about. And a caller on
/// another machine (the App listening on <c>0.0.0.0</c>) is refused before anything is read, stored or sent.
/// </summary>
public sealed class BotAnonymousModeTests
{
    private const string ChairObjectId = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";

    [Fact]
    public async Task AnAnonymousActivityNamingTheChannelsServiceCannotTakeOverTheChairsConversation()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" });
        using (var real = await bot.PostAsync(Install(bot, "a:chair-real-conversation"), bot.BotToken()))
        {
            Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        }

        var before = Assert.Single(await bot.StoredConversationsAsync());

        // No token, the channel's own serviceUrl (a loopback address, as the sandbox's connector is), from = the Chair.
        foreach (var activity in new[] { Install(bot, "a:attacker-conversation"), Message(bot, "a:attacker-conversation") })
        {
            using var response = await bot.PostAsync(activity, token: null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var after = Assert.Single(await bot.StoredConversationsAsync());
        Assert.Equal(before.ConversationId, after.ConversationId);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        var chairs = await bot.WithServiceAsync<ConversationReferences, BotConversation?>(r => r.FindPersonalAsync(ChairObjectId, CancellationToken.None));
        Assert.Equal("a:chair-real-conversation", chairs?.ConversationId);
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("::ffff:203.0.113.7")]
    [InlineData("2001:db8::7")]
    public async Task AnAnonymousActivityFromAnotherMachineIsRefused(string remote)
    {
        await using var bot = await BotHarness.StartAsync(
            new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" },
            services => services.AddTransient<IStartupFilter>(_ => new RemoteAddress(IPAddress.Parse(remote))));

        foreach (var activity in new[] { Install(bot, "a:attacker-conversation"), Message(bot, "a:attacker-conversation") })
        {
            using var response = await bot.PostAsync(activity, token: null);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.All(bot.LoggedMessages(2000), m => Assert.Equal("Bot request refused: AnonymousFromRemoteAddress", m));
        Assert.Equal(2, bot.LoggedMessages(2000).Count);
        Assert.Empty(bot.Connector.Requests);
        Assert.Empty(bot.Issuer.IssuedAccessTokens);
        Assert.Empty(await bot.StoredConversationsAsync());
    }

    /// <summary>The same request from this machine (IPv4, IPv6, mapped) is still the Playground's, and answered.</summary>
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task AnAnonymousActivityFromThisMachineIsStillAnswered(string remote)
    {
        await using var bot = await BotHarness.StartAsync(
            new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" },
            services => services.AddTransient<IStartupFilter>(_ => new RemoteAddress(IPAddress.Parse(remote))));

        using var response = await bot.PostAsync(Message(bot, "a:playground-conversation"), token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.PostedActivities);
        Assert.Empty(bot.LoggedMessages(2000));

        // Its reply carries no connector token: only the channel's services may receive the bot's token.
        Assert.Equal("", Assert.Single(bot.PostedActivities).Authorization);
        Assert.Empty(bot.Issuer.IssuedAccessTokens);
    }

    private static JsonObject Install(BotHarness bot, string conversationId)
    {
        var activity = bot.LoadActivity("installation-update-personal");
        activity["from"]!["aadObjectId"] = ChairObjectId;
        activity["conversation"]!["id"] = conversationId;
        return activity;
    }

    private static JsonObject Message(BotHarness bot, string conversationId)
    {
        var activity = bot.LoadActivity("message-personal", text: "aide");
        activity["from"]!["aadObjectId"] = ChairObjectId;
        activity["conversation"]!["id"] = conversationId;
        return activity;
    }

    /// <summary>The peer address Kestrel would report for a caller at <paramref name="address"/> (the test server has none).</summary>
    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
