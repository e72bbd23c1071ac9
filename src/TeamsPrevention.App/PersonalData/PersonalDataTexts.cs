using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.PersonalData;

/// <summary>What a personal-data warning says, per language (French first). It names kinds, never what matched.</summary>
public sealed record PersonalDataTexts(
    string Title,
    string Detail,
    string IdentityFields,
    string SeemsToHold,
    string Confirm,
    string Correct,
    string OpenTab,
    string Expired,
    string Name,
    string BirthDate,
    string Address,
    string Phone,
    string Email,
    string NationalNumber)
{
    private static readonly PersonalDataTexts French = new(
        "Le texte semble contenir des données personnelles.",
        "Vérifiez les champs signalés : corrigez-les, ou confirmez pour enregistrer quand même.",
        "Les données d'identité ont leur place dans les champs protégés.",
        "Semble contenir : {0}.",
        "Enregistrer quand même",
        "Corriger",
        "Ouvrir l'onglet",
        "Cette confirmation a expiré ou n'est plus valable : recommencez.",
        "un nom", "une date de naissance", "une adresse", "un numéro de téléphone", "une adresse e-mail", "un numéro de registre national");

    private static readonly PersonalDataTexts Dutch = new(
        "De tekst lijkt persoonsgegevens te bevatten.",
        "Controleer de aangeduide velden: verbeter ze, of bevestig om toch te registreren.",
        "Identiteitsgegevens horen in de beschermde velden.",
        "Lijkt te bevatten: {0}.",
        "Toch registreren",
        "Verbeteren",
        "Tabblad openen",
        "Deze bevestiging is verlopen of niet meer geldig: begin opnieuw.",
        "een naam", "een geboortedatum", "een adres", "een telefoonnummer", "een e-mailadres", "een rijksregisternummer");

    private static readonly PersonalDataTexts German = new(
        "Der Text scheint personenbezogene Daten zu enthalten.",
        "Prüfen Sie die markierten Felder: Korrigieren Sie sie oder bestätigen Sie, um trotzdem zu speichern.",
        "Identitätsdaten gehören in die geschützten Felder.",
        "Scheint zu enthalten: {0}.",
        "Trotzdem speichern",
        "Korrigieren",
        "Registerkarte öffnen",
        "Diese Bestätigung ist abgelaufen oder nicht mehr gültig: Beginnen Sie erneut.",
        "einen Namen", "ein Geburtsdatum", "eine Adresse", "eine Telefonnummer", "eine E-Mail-Adresse", "eine Nationalregisternummer");

    private static readonly PersonalDataTexts English = new(
        "The text seems to contain personal data.",
        "Check the fields shown: correct them, or confirm to save anyway.",
        "Identity data belongs in the protected fields.",
        "Seems to contain: {0}.",
        "Save anyway",
        "Correct",
        "Open the tab",
        "This confirmation has expired or is no longer valid: start again.",
        "a name", "a birth date", "an address", "a phone number", "an e-mail address", "a national register number");

    public static PersonalDataTexts For(UserLanguage language) => language switch
    {
        UserLanguage.Nl => Dutch,
        UserLanguage.De => German,
        UserLanguage.En => English,
        _ => French,
    };

    public string Kind(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Name => Name,
        PersonalDataKind.BirthDate => BirthDate,
        PersonalDataKind.Address => Address,
        PersonalDataKind.Phone => Phone,
        PersonalDataKind.Email => Email,
        PersonalDataKind.NationalNumber => NationalNumber,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>"Semble contenir : un nom, une date de naissance."</summary>
    public string Field(IEnumerable<PersonalDataKind> kinds) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, SeemsToHold, string.Join(", ", kinds.Select(Kind)));
}
