using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Directory;

/// <summary>
/// Proactive, content-free bot messages to people of the directory (by Entra object id), each in their personal chat
/// with the bot and in the language Teams gave for it; people without such a chat are skipped. A failure is logged
/// (its kind only) and never stops the caller. Used for break-glass and channel notices (Situations) and role grants.
/// </summary>
public sealed class PersonalNotices(BotMessenger messenger, ILogger<PersonalNotices> logger)
{
    /// <summary>Sends <paramref name="text"/> (in each person's language) to each person once; how many were sent.</summary>
    public async Task<int> SendAsync(IEnumerable<Guid> entraObjectIds, Func<UserLanguage, string> text, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var oid in entraObjectIds.Distinct())
        {
            try
            {
                if (await messenger.SendToKnownChatAsync(oid, language => BotMessage.Plain(text(language)), cancellationToken) is not null)
                {
                    sent++;
                }
            }
            catch (ConnectorException e)
            {
                DirectoryLog.NoticeFailed(logger, e.Failure.ToString());
            }
        }

        return sent;
    }
}
