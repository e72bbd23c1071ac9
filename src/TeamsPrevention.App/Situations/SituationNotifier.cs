using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Proactive, content-free bot messages about a situation (its code and a fixed phrase, a link into the tab), to
/// people who have a personal conversation with the bot. A failure is logged and never stops the caller.
/// </summary>
public sealed class SituationNotifier(PersonalNotices notices, ILogger<SituationNotifier> logger)
{
    public async Task NotifyAsync(string code, IEnumerable<Guid> entraObjectIds, SituationNotice notice, CancellationToken cancellationToken)
    {
        var sent = await notices.SendAsync(entraObjectIds, language => Text(notice, language, code), cancellationToken);
        SituationsLog.Notified(logger, code, sent);
    }

    public static string Text(SituationNotice notice, UserLanguage language, string code) => (notice, language) switch
    {
        (SituationNotice.BreakGlass, UserLanguage.Nl) => $"Uitzonderlijke toegang (break-glass) tot situatie {code}. Zie het toegangslogboek.",
        (SituationNotice.BreakGlass, UserLanguage.De) => $"Notfallzugriff (Break-Glass) auf Situation {code}. Siehe Zugriffsprotokoll.",
        (SituationNotice.BreakGlass, UserLanguage.En) => $"Break-glass access to situation {code}. See the audit log.",
        (SituationNotice.BreakGlass, _) => $"Accès exceptionnel (bris de glace) à la situation {code}. Voir le journal d'accès.",
        (SituationNotice.ChannelCorrected, UserLanguage.Nl) => $"Het kanaal van situatie {code} werd gecorrigeerd volgens de need-to-know-lijst.",
        (SituationNotice.ChannelCorrected, UserLanguage.De) => $"Der Kanal der Situation {code} wurde gemäß der Liste „Kenntnis nur bei Bedarf“ korrigiert.",
        (SituationNotice.ChannelCorrected, UserLanguage.En) => $"The channel of situation {code} was corrected to match its need-to-know list.",
        _ => $"Le canal de la situation {code} a été corrigé selon la liste du besoin d'en connaître.",
    };
}
