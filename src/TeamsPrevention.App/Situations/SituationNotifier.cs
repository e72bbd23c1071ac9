using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Tab;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Proactive, content-free bot messages about a situation (its code, linked to its page in the tab, and a fixed phrase), to
/// people who have a personal conversation with the bot. A failure is logged and never stops the caller.
/// </summary>
public sealed class SituationNotifier(ConversationReferences conversations, ConnectorClient connector, TabLinks links, ILogger<SituationNotifier> logger)
{
    public async Task NotifyAsync(string code, IEnumerable<Guid> entraObjectIds, SituationNotice notice, CancellationToken cancellationToken)
    {
        var sent = 0;
        var link = links.Situation(code).InTeams;
        foreach (var oid in entraObjectIds.Distinct())
        {
            var conversation = await conversations.FindPersonalAsync(oid.ToString(), cancellationToken);
            if (conversation is null)
            {
                continue;
            }

            var activity = new Activity { Type = ActivityTypes.Message, Text = Text(notice, Languages.FromTag(conversation.Locale), code, link) };
            try
            {
                await connector.SendAsync(new Uri(conversation.ServiceUrl), conversation.ConversationId, activity, cancellationToken);
                sent++;
            }
            catch (ConnectorException e)
            {
                SituationsLog.NotifyFailed(logger, code, e.Failure.ToString());
            }
        }

        SituationsLog.Notified(logger, code, sent);
    }

    /// <summary>The message in <paramref name="language"/>: the code as a Markdown link to <paramref name="link"/>.</summary>
    public static string Text(SituationNotice notice, UserLanguage language, string code, string link) => Phrase(notice, language, $"[{code}]({link})");

    private static string Phrase(SituationNotice notice, UserLanguage language, string linkedCode) => (notice, language) switch
    {
        (SituationNotice.BreakGlass, UserLanguage.Nl) => $"Uitzonderlijke toegang (break-glass) tot situatie {linkedCode}. Zie het toegangslogboek.",
        (SituationNotice.BreakGlass, UserLanguage.De) => $"Notfallzugriff (Break-Glass) auf Situation {linkedCode}. Siehe Zugriffsprotokoll.",
        (SituationNotice.BreakGlass, UserLanguage.En) => $"Break-glass access to situation {linkedCode}. See the audit log.",
        (SituationNotice.BreakGlass, _) => $"Accès exceptionnel (bris de glace) à la situation {linkedCode}. Voir le journal d'accès.",
        (SituationNotice.ChannelCorrected, UserLanguage.Nl) => $"Het kanaal van situatie {linkedCode} werd gecorrigeerd volgens de need-to-know-lijst.",
        (SituationNotice.ChannelCorrected, UserLanguage.De) => $"Der Kanal der Situation {linkedCode} wurde gemäß der Liste „Kenntnis nur bei Bedarf“ korrigiert.",
        (SituationNotice.ChannelCorrected, UserLanguage.En) => $"The channel of situation {linkedCode} was corrected to match its need-to-know list.",
        _ => $"Le canal de la situation {linkedCode} a été corrigé selon la liste du besoin d'en connaître.",
    };
}
