using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Directory;

/// <summary>What the directory's refusals and notices say, per language (French first). Never a person's name.</summary>
internal sealed record DirectoryTexts(
    string Required,
    string TooLongFormat,
    string ExpectedFormat,
    string InvalidTitle,
    string RefusedTitle,
    string OwnRecord,
    string CaseRoleNeedsChair,
    string RoleNeedsAdmin,
    string CaseIdentityNeedsChair,
    string OwnDeputy,
    string AdminWithCaseRoles,
    string OwnDeputyship,
    string UnknownPerson,
    string UnknownOrganisation,
    string EndBeforeStart,
    string KeyCharacters,
    string KeyTaken,
    string InvalidEntraId,
    string InvalidEmail,
    string LanguageExpected,
    string AlreadyInDirectory,
    string TeamsIdTaken,
    string RoleGrantedFormat,
    IReadOnlyDictionary<DirectoryRole, string> RoleNames)
{
    public static DirectoryTexts For(UserLanguage language) => language switch
    {
        UserLanguage.Nl => Nl,
        UserLanguage.De => De,
        UserLanguage.En => En,
        _ => Fr,
    };

    public string TooLong(int max) => string.Format(System.Globalization.CultureInfo.InvariantCulture, TooLongFormat, max);

    public string Expected(IEnumerable<string> values) => string.Format(System.Globalization.CultureInfo.InvariantCulture, ExpectedFormat, string.Join(", ", values));

    /// <summary>The content-free notice to the Chair and the DPO: which roles were granted, never to whom.</summary>
    public string RoleGranted(IEnumerable<DirectoryRole> roles) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, RoleGrantedFormat, string.Join(", ", roles.Select(r => RoleNames[r])));

    private static readonly DirectoryTexts Fr = new(
        Required: "Champ obligatoire.",
        TooLongFormat: "{0} caractères au plus.",
        ExpectedFormat: "Valeur attendue : {0}.",
        InvalidTitle: "Données invalides.",
        RefusedTitle: "Modification de l'annuaire non autorisée.",
        OwnRecord: "Personne ne modifie ses propres rôles, son organisation, son activation ni son identité dans l'annuaire.",
        CaseRoleNeedsChair: "Seul·e le ou la président·e attribue ou retire un rôle qui donne accès aux situations.",
        RoleNeedsAdmin: "Seul l'administrateur attribue ou retire ce rôle.",
        CaseIdentityNeedsChair: "L'identité ou la réactivation d'une personne ayant accès aux situations relève du ou de la président·e.",
        OwnDeputy: "Personne ne se désigne soi-même comme suppléant·e.",
        AdminWithCaseRoles: "Le rôle d'administrateur ne se cumule pas avec un rôle qui donne accès aux situations.",
        OwnDeputyship: "Une personne ne peut pas être son propre suppléant.",
        UnknownPerson: "Personne inconnue.",
        UnknownOrganisation: "Organisation inconnue.",
        EndBeforeStart: "La fin doit suivre le début.",
        KeyCharacters: "Lettres minuscules, chiffres et tirets uniquement.",
        KeyTaken: "Cette clé existe déjà.",
        InvalidEntraId: "Identifiant Entra invalide.",
        InvalidEmail: "Adresse e-mail invalide.",
        LanguageExpected: "Langue attendue : fr, nl, de ou en.",
        AlreadyInDirectory: "Cette personne est déjà dans l'annuaire.",
        TeamsIdTaken: "Cet identifiant Teams est déjà attribué.",
        RoleGrantedFormat: "Un rôle a été attribué dans l'annuaire de TeamsPrevention : {0}. Voir le journal d'accès.",
        RoleNames: new Dictionary<DirectoryRole, string>
        {
            [DirectoryRole.Chair] = "président·e",
            [DirectoryRole.Coordinator] = "coordinateur·rice",
            [DirectoryRole.Referent] = "référent radicalisme",
            [DirectoryRole.PoliceReferent] = "référent police",
            [DirectoryRole.Partner] = "partenaire",
            [DirectoryRole.Secretary] = "secrétaire",
            [DirectoryRole.Dpo] = "délégué·e à la protection des données",
            [DirectoryRole.Admin] = "administrateur·rice",
        });

    private static readonly DirectoryTexts Nl = new(
        Required: "Verplicht veld.",
        TooLongFormat: "Hoogstens {0} tekens.",
        ExpectedFormat: "Verwachte waarde: {0}.",
        InvalidTitle: "Ongeldige gegevens.",
        RefusedTitle: "Wijziging van de adreslijst niet toegestaan.",
        OwnRecord: "Niemand wijzigt zijn eigen rollen, organisatie, activering of identiteit in de adreslijst.",
        CaseRoleNeedsChair: "Alleen de voorzitter kent een rol toe of trekt een rol in die toegang geeft tot situaties.",
        RoleNeedsAdmin: "Alleen de beheerder kent deze rol toe of trekt ze in.",
        CaseIdentityNeedsChair: "De identiteit of heractivering van een persoon met toegang tot situaties is aan de voorzitter.",
        OwnDeputy: "Niemand wijst zichzelf aan als plaatsvervanger.",
        AdminWithCaseRoles: "De beheerdersrol gaat niet samen met een rol die toegang geeft tot situaties.",
        OwnDeputyship: "Een persoon kan niet zijn eigen plaatsvervanger zijn.",
        UnknownPerson: "Onbekende persoon.",
        UnknownOrganisation: "Onbekende organisatie.",
        EndBeforeStart: "Het einde moet na het begin komen.",
        KeyCharacters: "Alleen kleine letters, cijfers en koppeltekens.",
        KeyTaken: "Deze sleutel bestaat al.",
        InvalidEntraId: "Ongeldige Entra-id.",
        InvalidEmail: "Ongeldig e-mailadres.",
        LanguageExpected: "Verwachte taal: fr, nl, de of en.",
        AlreadyInDirectory: "Deze persoon staat al in de adreslijst.",
        TeamsIdTaken: "Deze Teams-id is al toegekend.",
        RoleGrantedFormat: "Er werd een rol toegekend in de adreslijst van TeamsPrevention: {0}. Zie het toegangslogboek.",
        RoleNames: new Dictionary<DirectoryRole, string>
        {
            [DirectoryRole.Chair] = "voorzitter",
            [DirectoryRole.Coordinator] = "coördinator",
            [DirectoryRole.Referent] = "referent radicalisering",
            [DirectoryRole.PoliceReferent] = "politiereferent",
            [DirectoryRole.Partner] = "partner",
            [DirectoryRole.Secretary] = "secretaris",
            [DirectoryRole.Dpo] = "functionaris voor gegevensbescherming",
            [DirectoryRole.Admin] = "beheerder",
        });

    private static readonly DirectoryTexts De = new(
        Required: "Pflichtfeld.",
        TooLongFormat: "Höchstens {0} Zeichen.",
        ExpectedFormat: "Erwarteter Wert: {0}.",
        InvalidTitle: "Ungültige Angaben.",
        RefusedTitle: "Änderung des Verzeichnisses nicht erlaubt.",
        OwnRecord: "Niemand ändert im Verzeichnis die eigenen Rollen, die eigene Organisation, Aktivierung oder Identität.",
        CaseRoleNeedsChair: "Nur der Vorsitz vergibt oder entzieht eine Rolle, die Zugang zu Situationen gibt.",
        RoleNeedsAdmin: "Nur die Administration vergibt oder entzieht diese Rolle.",
        CaseIdentityNeedsChair: "Identität oder Reaktivierung einer Person mit Zugang zu Situationen ist Sache des Vorsitzes.",
        OwnDeputy: "Niemand ernennt sich selbst zur Stellvertretung.",
        AdminWithCaseRoles: "Die Administratorrolle ist mit keiner Rolle vereinbar, die Zugang zu Situationen gibt.",
        OwnDeputyship: "Eine Person kann nicht ihre eigene Stellvertretung sein.",
        UnknownPerson: "Unbekannte Person.",
        UnknownOrganisation: "Unbekannte Organisation.",
        EndBeforeStart: "Das Ende muss nach dem Beginn liegen.",
        KeyCharacters: "Nur Kleinbuchstaben, Ziffern und Bindestriche.",
        KeyTaken: "Dieser Schlüssel existiert bereits.",
        InvalidEntraId: "Ungültige Entra-Kennung.",
        InvalidEmail: "Ungültige E-Mail-Adresse.",
        LanguageExpected: "Erwartete Sprache: fr, nl, de oder en.",
        AlreadyInDirectory: "Diese Person steht bereits im Verzeichnis.",
        TeamsIdTaken: "Diese Teams-Kennung ist bereits vergeben.",
        RoleGrantedFormat: "Im Verzeichnis von TeamsPrevention wurde eine Rolle vergeben: {0}. Siehe Zugriffsprotokoll.",
        RoleNames: new Dictionary<DirectoryRole, string>
        {
            [DirectoryRole.Chair] = "Vorsitz",
            [DirectoryRole.Coordinator] = "Koordinator·in",
            [DirectoryRole.Referent] = "Radikalisierungsreferent",
            [DirectoryRole.PoliceReferent] = "Polizeireferent",
            [DirectoryRole.Partner] = "Partner",
            [DirectoryRole.Secretary] = "Sekretariat",
            [DirectoryRole.Dpo] = "Datenschutzbeauftragte·r",
            [DirectoryRole.Admin] = "Administrator·in",
        });

    private static readonly DirectoryTexts En = new(
        Required: "Required field.",
        TooLongFormat: "At most {0} characters.",
        ExpectedFormat: "Expected value: {0}.",
        InvalidTitle: "Invalid data.",
        RefusedTitle: "Directory change not allowed.",
        OwnRecord: "Nobody changes their own roles, organisation, activation or identity in the directory.",
        CaseRoleNeedsChair: "Only the Chair grants or withdraws a role that opens the situations.",
        RoleNeedsAdmin: "Only the administrator grants or withdraws this role.",
        CaseIdentityNeedsChair: "The identity or reactivation of a person with access to situations is the Chair's.",
        OwnDeputy: "Nobody names themselves a deputy.",
        AdminWithCaseRoles: "The administrator role is never held with a role that opens the situations.",
        OwnDeputyship: "A person cannot be their own deputy.",
        UnknownPerson: "Unknown person.",
        UnknownOrganisation: "Unknown organisation.",
        EndBeforeStart: "The end must follow the start.",
        KeyCharacters: "Lower-case letters, digits and dashes only.",
        KeyTaken: "This key already exists.",
        InvalidEntraId: "Invalid Entra id.",
        InvalidEmail: "Invalid e-mail address.",
        LanguageExpected: "Expected language: fr, nl, de or en.",
        AlreadyInDirectory: "This person is already in the directory.",
        TeamsIdTaken: "This Teams id is already taken.",
        RoleGrantedFormat: "A role was granted in the TeamsPrevention directory: {0}. See the audit log.",
        RoleNames: new Dictionary<DirectoryRole, string>
        {
            [DirectoryRole.Chair] = "Chair",
            [DirectoryRole.Coordinator] = "Coordinator",
            [DirectoryRole.Referent] = "Radicalisation referent",
            [DirectoryRole.PoliceReferent] = "Police referent",
            [DirectoryRole.Partner] = "Partner",
            [DirectoryRole.Secretary] = "Secretary",
            [DirectoryRole.Dpo] = "Data protection officer",
            [DirectoryRole.Admin] = "Administrator",
        });
}
