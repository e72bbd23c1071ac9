using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Sealing;

/// <summary>What a person reads when a sealed value does not open, per language, French first. Never the value.</summary>
public static class SealingTexts
{
    public static string Title(UserLanguage language) => language switch
    {
        UserLanguage.Nl => "Beschermde gegevens kunnen niet worden geopend.",
        UserLanguage.De => "Geschützte Daten können nicht geöffnet werden.",
        UserLanguage.En => "Protected data cannot be opened.",
        _ => "Des données protégées ne peuvent pas être ouvertes.",
    };

    public static string Detail(UserLanguage language) => language switch
    {
        UserLanguage.Nl => "Ze werden buiten de toepassing gewijzigd of verplaatst, of hun sleutel ontbreekt. Er wordt niets getoond; verwittig de beheerder.",
        UserLanguage.De => "Sie wurden außerhalb der Anwendung verändert oder verschoben, oder ihr Schlüssel fehlt. Es wird nichts angezeigt; benachrichtigen Sie die Administration.",
        UserLanguage.En => "They were altered or moved outside the application, or their key is missing. Nothing is shown; tell the administrator.",
        _ => "Elles ont été modifiées ou déplacées en dehors de l'application, ou leur clé manque. Rien n'est affiché ; prévenez l'administrateur.",
    };
}
