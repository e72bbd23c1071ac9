using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Meetings;

/// <summary>What the person recording attendance reads when an entry is refused, per language (French first). No name.</summary>
public static class AttendanceTexts
{
    public static string Title(UserLanguage language) => language switch
    {
        UserLanguage.Nl => "Aanwezigheden niet geregistreerd.",
        UserLanguage.De => "Anwesenheit nicht gespeichert.",
        UserLanguage.En => "Attendance not saved.",
        _ => "Présences non enregistrées.",
    };

    public static string NotInvited(UserLanguage language) => language switch
    {
        UserLanguage.Nl => "Deze persoon is niet uitgenodigd voor de vergadering.",
        UserLanguage.De => "Diese Person ist nicht zur Sitzung eingeladen.",
        UserLanguage.En => "This person is not invited to the meeting.",
        _ => "Cette personne n'est pas invitée à la réunion.",
    };

    public static string NoAccess(UserLanguage language) => language switch
    {
        UserLanguage.Nl => "Deze persoon heeft geen toegang tot de situatie van dit punt en kan niet aanwezig zijn.",
        UserLanguage.De => "Diese Person hat keinen Zugang zur Situation dieses Punkts und kann nicht anwesend sein.",
        UserLanguage.En => "This person has no access to this item's situation and cannot be present.",
        _ => "Cette personne n'a pas accès à la situation de ce point : elle ne peut pas être présente.",
    };
}
