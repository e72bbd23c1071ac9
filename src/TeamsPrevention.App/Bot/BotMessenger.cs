using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Graph;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// The one way out to Teams for proactive messages: to a person, to a channel, or an update of a message sent. Features
/// give the product's own <see cref="BotMessage"/> and get a <see cref="SentMessage"/> back; they never see an activity,
/// a conversation reference or a service URL's rules. Every write goes through <see cref="ConnectorClient"/>, so through
/// the tenant's pacer. Failures surface as <see cref="ConnectorException"/> (and <see cref="GraphGatewayException"/> when
/// the app could not be installed for a person), for the caller's outbox to postpone or fail the row.
/// </summary>
public sealed class BotMessenger(
    AppDbContext db,
    ConnectorClient connector,
    ConversationReferences references,
    GraphInstallation graph,
    BotWriteGate gate,
    TimeProvider time,
    IOptions<BotOptions> options,
    IOptions<TenantOptions> tenant,
    ILogger<BotMessenger> logger)
{
    /// <summary>
    /// Delivers to the person's personal chat: the one the bot opened before, else the one Teams told it of (installed),
    /// else a new one opened through the tenant's service address (<see cref="BotOptions.ServiceUrl"/>), the app
    /// installed for the person through Graph when the bot is not in their roster. A chat whose service never answers
    /// (a test client that stopped, a retired address) is opened again there and replaces the dead one.
    /// <paramref name="holdBack"/> is awaited before each write and when its turn at the tenant's limit comes.
    /// </summary>
    public async Task<SentMessage> SendToPersonAsync(BotRecipient person, BotMessage message, Func<CancellationToken, Task>? holdBack, CancellationToken cancellationToken)
    {
        var activity = message.ToActivity();
        var (serviceUrl, conversationId) = await ChatAsync(person, holdBack, cancellationToken);
        string activityId;
        try
        {
            activityId = await connector.SendAsync(serviceUrl, conversationId, activity, holdBack, cancellationToken);
        }
        catch (ConnectorException e) when (e.Failure == ConnectorFailure.Rejected && e.StatusCode == HttpStatusCode.Forbidden)
        {
            // The person removed the app since the chat was opened: install it again, then send.
            await InstallAsync(person, cancellationToken);
            activityId = await connector.SendAsync(serviceUrl, conversationId, activity, holdBack, cancellationToken);
        }
        catch (ConnectorException e) when (e.Failure == ConnectorFailure.Unavailable && e.StatusCode is null && !IsTenantService(serviceUrl))
        {
            // The stored chat's service never answered: open the person's chat again through the tenant's own service
            // address and send there, instead of retrying into the void.
            BotLog.ChatReopened(logger);
            (serviceUrl, conversationId) = await OpenAsync(person, null, replace: true, holdBack, cancellationToken);
            activityId = await connector.SendAsync(serviceUrl, conversationId, activity, holdBack, cancellationToken);
        }

        return new SentMessage(serviceUrl.ToString(), conversationId, activityId);
    }

    /// <summary>
    /// Sends to the person's personal chat only if Teams told the bot of one (nothing is opened); null when there is none.
    /// The message is built for the language Teams gave for that chat.
    /// </summary>
    public async Task<SentMessage?> SendToKnownChatAsync(Guid entraObjectId, Func<UserLanguage, BotMessage> message, CancellationToken cancellationToken)
    {
        var chat = await references.FindPersonalAsync(entraObjectId.ToString(), cancellationToken);
        if (chat is null)
        {
            return null;
        }

        var serviceUrl = new Uri(chat.ServiceUrl);
        var activity = message(Languages.FromTag(chat.Locale)).ToActivity();
        var id = await connector.SendAsync(serviceUrl, chat.ConversationId, activity, cancellationToken);
        return new SentMessage(serviceUrl.ToString(), chat.ConversationId, id);
    }

    /// <summary>
    /// Posts in a team channel the bot was installed in (the channel's Teams id, or its conversation id); null when the
    /// bot was never told of that channel.
    /// </summary>
    public async Task<SentMessage?> SendToChannelAsync(string channelId, BotMessage message, CancellationToken cancellationToken)
    {
        var channel = await db.Set<BotConversation>().AsNoTracking()
            .Where(c => c.Kind == ConversationKind.Channel && (c.ConversationId == channelId || c.ChannelId == channelId))
            .OrderByDescending(c => c.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (channel is null)
        {
            return null;
        }

        var serviceUrl = new Uri(channel.ServiceUrl);
        var id = await connector.SendAsync(serviceUrl, channel.ConversationId, message.ToActivity(), cancellationToken);
        return new SentMessage(serviceUrl.ToString(), channel.ConversationId, id);
    }

    /// <summary>Replaces a message the bot sent (a card updated in place); <paramref name="holdBack"/> as for sends.</summary>
    public Task UpdateAsync(SentMessage sent, BotMessage message, Func<CancellationToken, Task>? holdBack, CancellationToken cancellationToken) =>
        connector.UpdateAsync(new Uri(sent.ServiceUrl), sent.ConversationId, sent.ActivityId, message.ToActivity(), holdBack, cancellationToken);

    /// <summary>The chat the bot opened, else the one Teams told the bot about, else a new one (created once and stored).</summary>
    private async Task<(Uri ServiceUrl, string ConversationId)> ChatAsync(BotRecipient person, Func<CancellationToken, Task>? holdBack, CancellationToken cancellationToken)
    {
        var opened = await db.Set<OpenedChat>().AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == person.PersonId, cancellationToken);
        if (opened is not null)
        {
            return (new Uri(opened.ServiceUrl), opened.ConversationId);
        }

        var captured = await references.FindPersonalAsync(person.EntraObjectId.ToString(), cancellationToken);
        if (captured is { Installed: true })
        {
            return (new Uri(captured.ServiceUrl), captured.ConversationId);
        }

        return await OpenAsync(person, captured, replace: false, holdBack, cancellationToken);
    }

    private bool IsTenantService(Uri serviceUrl) =>
        options.Value.ServiceUrl is { } tenantService
        && string.Equals(tenantService.ToString().TrimEnd('/'), serviceUrl.ToString().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Creates the person's personal chat through the tenant's service address and stores it: the first stored wins
    /// (two messages may open it at once) unless <paramref name="replace"/>, when the stored one is known not to answer.
    /// </summary>
    private async Task<(Uri ServiceUrl, string ConversationId)> OpenAsync(
        BotRecipient person, BotConversation? captured, bool replace, Func<CancellationToken, Task>? holdBack, CancellationToken cancellationToken)
    {
        var memberId = person.TeamsUserId ?? captured?.PersonTeamsUserId;
        var serviceUrl = options.Value.ServiceUrl ?? (captured is null ? null : new Uri(captured.ServiceUrl));
        if (memberId is null || serviceUrl is null)
        {
            throw new ConnectorException(ConnectorFailure.Rejected, HttpStatusCode.NotFound, null, "No Teams identity for the person.");
        }

        string conversationId;
        try
        {
            conversationId = await connector.CreateConversationAsync(serviceUrl, memberId, holdBack, cancellationToken);
        }
        catch (ConnectorException e) when (e.Failure == ConnectorFailure.Rejected && e.StatusCode == HttpStatusCode.Forbidden)
        {
            // The bot is not in the person's roster: install the app for them through Graph, then open the chat.
            await InstallAsync(person, cancellationToken);
            conversationId = await connector.CreateConversationAsync(serviceUrl, memberId, holdBack, cancellationToken);
        }

        // Two messages for one person may open the chat at once: the first stored wins, without an error.
        using var entered = await gate.EnterAsync(db, cancellationToken);
        if (replace)
        {
            await db.Set<OpenedChat>().Where(c => c.PersonId == person.PersonId).ExecuteDeleteAsync(cancellationToken);
        }

        var sqlite = db.Database.IsSqlite();
        var key = sqlite ? (object)person.PersonId.ToString().ToUpperInvariant() : person.PersonId;
        var now = time.GetUtcNow();
        var createdAt = sqlite ? (object)now.UtcTicks : now.ToUniversalTime();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "AlertConversations" ("PersonId", "ConversationId", "ServiceUrl", "CreatedAt")
            VALUES ({key}, {conversationId}, {serviceUrl.ToString()}, {createdAt})
            ON CONFLICT ("PersonId") DO NOTHING
            """,
            cancellationToken);
        return (serviceUrl, conversationId);
    }

    private async Task InstallAsync(BotRecipient person, CancellationToken cancellationToken)
    {
        var appId = options.Value.TeamsAppId ?? tenant.Value.ClientId;
        await graph.InstallAppForUserAsync(person.EntraObjectId.ToString(), appId, cancellationToken);
        BotLog.AppInstalled(logger);
    }
}
