using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Tab;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Proactive, content-free bot messages about a situation (its code, linked to its page in the tab, and a fixed phrase), to
/// people who have a personal conversation with the bot. A failure is logged and never stops the caller.
/// </summary>
public sealed class SituationNotifier(PersonalNotices notices, TabLinks links, ILogger<SituationNotifier> logger)
{
    public async Task NotifyAsync(string code, IEnumerable<Guid> entraObjectIds, SituationNotice notice, CancellationToken cancellationToken)
    {
        var link = links.Situation(code).InTeams;
        var sent = await notices.SendAsync(entraObjectIds, language => Text(notice, language, code, link), cancellationToken);
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
