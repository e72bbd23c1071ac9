using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// The conversations the bot can write to later: stored when Teams tells the bot about them, read by features that
/// send proactive messages (the personal chat of a person, the channels of a team).
/// </summary>
public sealed class ConversationReferences(AppDbContext db, TimeProvider time, IOptions<BotOptions> options, ILogger<ConversationReferences> logger)
{
    /// <summary>The personal chat between the bot and the person with this Entra object id, if Teams told us of one.</summary>
    public async Task<BotConversation?> FindPersonalAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var found = await db.Set<BotConversation>().AsNoTracking()
            .Where(c => c.PersonAadObjectId == aadObjectId && c.Kind == ConversationKind.Personal)
            .ToListAsync(cancellationToken);
        return found.OrderByDescending(c => c.Installed).ThenByDescending(c => c.UpdatedAt).FirstOrDefault();
    }

    /// <summary>The channel conversations known for a team (its Teams thread id).</summary>
    public async Task<IReadOnlyList<BotConversation>> ListForTeamAsync(string teamId, CancellationToken cancellationToken) =>
        await db.Set<BotConversation>().AsNoTracking()
            .Where(c => c.TeamId == teamId && c.Kind == ConversationKind.Channel)
            .OrderBy(c => c.ChannelId)
            .ToListAsync(cancellationToken);

    public Task<BotConversation?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        db.Set<BotConversation>().AsNoTracking().FirstOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken);

    /// <summary>
    /// Inserts or refreshes the reference of the activity's conversation. <paramref name="installed"/> records an
    /// installation (true) or removal (false); null leaves the flag as it is. Returns true only for the one call that
    /// turned the flag from not installed to installed, so that concurrent duplicates welcome once.
    /// An activity whose <c>serviceUrl</c> is not the channel's (<see cref="BotOptions.ChannelServiceUrls"/> — the Agents
    /// Playground's on this machine, say) is answered in its turn but stores nothing: it never takes over a person's
    /// conversation, so their proactive messages keep going where Teams (or the sandbox) delivers them. Such an
    /// installation is welcomed every time (there is no stored flag to turn). So is an anonymous activity
    /// (<paramref name="signedByChannel"/> false, <c>Bot:AllowAnonymous</c>) whatever its <c>serviceUrl</c> says: without
    /// the channel's token, anyone on the machine could name the channel's service and take a person's conversation.
    /// </summary>
    internal async Task<bool> CaptureAsync(Activity activity, bool? installed, bool signedByChannel, CancellationToken cancellationToken)
    {
        if (!signedByChannel || !options.Value.IsChannelService(activity.ServiceUrl))
        {
            BotLog.ReferenceNotStored(logger);
            return installed == true;
        }

        var captured = FromActivity(activity);
        if (captured is null)
        {
            return false;
        }

        await UpsertAsync(captured, cancellationToken);

        var newlyInstalled = false;
        if (installed is { } value)
        {
            var changed = await db.Set<BotConversation>()
                .Where(c => c.ConversationId == captured.ConversationId && c.Installed != value)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Installed, value), cancellationToken);
            newlyInstalled = value && changed == 1;
        }

        BotLog.ReferenceStored(logger, captured.Kind, installed ?? false);
        return newlyInstalled;
    }

    private async Task UpsertAsync(BotConversation captured, CancellationToken cancellationToken)
    {
        // Teams sends installationUpdate and conversationUpdate together: both may insert the same conversation.
        // INSERT … ON CONFLICT DO NOTHING (SQLite and PostgreSQL) makes the first insert win without an error,
        // then both refresh the row.
        var updatedAt = db.Database.IsSqlite() ? (object)captured.UpdatedAt.UtcTicks : captured.UpdatedAt;
        var kind = captured.Kind.ToString();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "BotConversations" ("ConversationId", "Kind", "ServiceUrl", "TenantId", "BotId", "Installed", "UpdatedAt")
            VALUES ({captured.ConversationId}, {kind}, {captured.ServiceUrl}, {captured.TenantId}, {captured.BotId}, {false}, {updatedAt})
            ON CONFLICT ("ConversationId") DO NOTHING
            """,
            cancellationToken);

        var existing = await db.Set<BotConversation>().FirstAsync(c => c.ConversationId == captured.ConversationId, cancellationToken);
        existing.Kind = captured.Kind;
        existing.ServiceUrl = captured.ServiceUrl;
        existing.TenantId = captured.TenantId;
        existing.BotId = captured.BotId;
        existing.PersonAadObjectId = captured.PersonAadObjectId ?? existing.PersonAadObjectId;
        existing.PersonTeamsUserId = captured.PersonTeamsUserId ?? existing.PersonTeamsUserId;
        existing.TeamId = captured.TeamId ?? existing.TeamId;
        existing.ChannelId = captured.ChannelId ?? existing.ChannelId;
        existing.Locale = captured.Locale ?? existing.Locale;
        existing.UpdatedAt = captured.UpdatedAt;
        await db.SaveChangesAsync(cancellationToken);
    }

    private BotConversation? FromActivity(Activity activity)
    {
        var conversationId = BaseConversationId(activity.Conversation?.Id);
        if (conversationId is null || activity.ServiceUrl is null || activity.TenantId is null || activity.Recipient?.Id is null)
        {
            return null;
        }

        var kind = KindOf(activity);
        var person = activity.From is { } from && from.Id != activity.Recipient.Id ? from : null;
        var channelData = activity.ChannelData;
        return new BotConversation
        {
            ConversationId = conversationId,
            Kind = kind,
            ServiceUrl = activity.ServiceUrl,
            TenantId = activity.TenantId,
            PersonAadObjectId = kind == ConversationKind.Personal ? person?.AadObjectId : null,
            PersonTeamsUserId = kind == ConversationKind.Personal ? person?.Id : null,
            TeamId = kind == ConversationKind.Channel ? channelData?.Team?.Id ?? channelData?.TeamsTeamId : null,
            ChannelId = kind == ConversationKind.Channel
                ? channelData?.Channel?.Id ?? channelData?.TeamsChannelId ?? conversationId
                : null,
            Locale = activity.ClientLocale,
            BotId = activity.Recipient.Id,
            UpdatedAt = time.GetUtcNow(),
        };
    }

    /// <summary>The conversation kind of an activity (<c>conversation.conversationType</c>, else <c>isGroup</c>).</summary>
    internal static ConversationKind KindOf(Activity activity) => activity.Conversation?.ConversationType switch
    {
        "personal" => ConversationKind.Personal,
        "groupChat" => ConversationKind.GroupChat,
        "channel" => ConversationKind.Channel,
        _ => activity.Conversation?.IsGroup == true ? ConversationKind.GroupChat : ConversationKind.Personal,
    };

    /// <summary>A channel message's conversation id names the thread (<c>…;messageid=…</c>): keep the channel's.</summary>
    internal static string? BaseConversationId(string? conversationId)
    {
        if (string.IsNullOrEmpty(conversationId))
        {
            return null;
        }

        var separator = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return separator < 0 ? conversationId : conversationId[..separator];
    }
}
