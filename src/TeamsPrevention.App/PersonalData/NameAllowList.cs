namespace TeamsPrevention.App.PersonalData;

/// <summary>
/// Capitalised words that are not names: the domain's own words (services, roles, institutions, the cell's
/// vocabulary) in French, Dutch, German and English, Belgian cities and regions, weekdays and months. A run of
/// capitalised words reads as a name only when two of its words are not in this list. Kept small on purpose: a
/// word missing here costs a warning the writer can confirm, not a refusal.
/// </summary>
internal static class NameAllowList
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        // Institutions and services
        "CPAS", "OCMW", "AMO", "SAJ", "SPJ", "IPPJ", "CPMS", "PMS", "ONE", "OCAM", "CAW", "JAC", "FWB", "SPF", "FOD", "ASBL", "VZW",
        "CSIL", "CSIL-R", "LIVC", "LIVC-R", "LTF", "TER", "BNG", "PV", "DPO", "RGPD", "AVG", "GDPR", "DSGVO", "UE", "EU", "ZP", "ISIS", "EI",
        "Service", "Services", "Dienst", "Diensten", "Maison", "Maisons", "Huis", "Haus", "Centre", "Centrum", "Zentrum", "Center",
        "Cellule", "Cel", "Zelle", "Cell", "Plateforme", "Platform", "Plattform", "Police", "Politie", "Polizei", "Zone", "Zona",
        "Ville", "Stad", "Stadt", "City", "Commune", "Gemeente", "Gemeinde", "Kommune", "Municipality", "Province", "Provincie", "Provinz",
        "Région", "Regio", "Region", "Fédération", "Federatie", "Föderation", "Federation", "Communauté", "Gemeenschap", "Gemeinschaft", "Community",
        "Wallonie", "Wallonië", "Wallonien", "Wallonia", "Flandre", "Vlaanderen", "Flandern", "Flanders", "Belgique", "België", "Belgien", "Belgium",
        "Française", "Français", "Flamande", "Germanophone", "Deutschsprachige", "Vlaamse", "Franse", "Duitstalige",
        "Sécurité", "Veiligheid", "Sicherheit", "Security", "Prévention", "Preventie", "Prävention", "Prevention",
        "Intégrale", "Integrale", "Integral", "Locale", "Lokale", "Local", "Cohésion", "Sociale", "Social", "Sozial",
        "Justice", "Justitie", "Justiz", "Parquet", "Parket", "Staatsanwaltschaft", "Tribunal", "Rechtbank", "Gericht", "Court", "Jeunesse", "Jeugd", "Jugend", "Youth",
        "Aide", "Hulp", "Hilfe", "Protection", "Bescherming", "Schutz", "Famille", "Familie", "Family", "Santé", "Gezondheid", "Gesundheit", "Health",
        "École", "Ecole", "School", "Schule", "Athénée", "Athenée", "Athenaeum", "Institut", "Instituut", "Institute", "Collège", "College", "Lycée", "Lyceum", "Gymnasium",
        "Université", "Universiteit", "Universität", "University", "Haute", "Hogeschool", "Hochschule", "Académie", "Academie", "Akademie",
        "Ministère", "Ministerie", "Ministerium", "Ministry", "Gouvernement", "Regering", "Regierung", "Government", "Conseil", "Raad", "Rat", "Council",
        "Task", "Force", "Unit", "Team", "Teams", "Microsoft", "Outlook", "Office", "Bureau", "Direction", "Directie", "Leitung",
        "Bourgmestre", "Burgemeester", "Bürgermeister", "Mayor", "Président", "Présidente", "Voorzitter", "Vorsitz", "Vorsitzende", "Chair",
        "Coordinateur", "Coordinatrice", "Coördinator", "Koordinator", "Koordinatorin", "Coordinator", "Référent", "Referent", "Referentin",
        "Partenaire", "Partner", "Partnerorganisation", "Secrétaire", "Secretaris", "Sekretär", "Secretary", "Docteur", "Doctor", "Doktor", "Dr",
        "Procureur", "Juge", "Rechter", "Richter", "Judge", "Agent", "Inspecteur", "Inspector", "Inspektor", "Commissaire", "Commissaris", "Kommissar",
        "Situation", "Situatie", "Signalement", "Signaal", "Meldung", "Alerte", "Alert", "Réunion", "Vergadering", "Sitzung", "Meeting",
        "Plan", "Action", "Actie", "Aktion", "Suivi", "Opvolging", "Nachsorge", "Dossier", "Rapport", "Bericht", "Report",
        "Internet", "Facebook", "Instagram", "TikTok", "Telegram", "WhatsApp", "Snapchat", "YouTube", "Discord", "Twitter", "Signal",
        "État", "Etat", "Islamique", "Islamic", "State", "Staat", "Daech", "Daesh", "Al", "Qaida", "Qaeda",
        "Saint", "Sainte", "Sint", "Sankt", "St", "Notre", "Dame", "Onze", "Lieve", "Vrouw", "Royal", "Royale", "Koninklijk", "Koninklijke",
        // Places
        "Namur", "Namen", "Bruxelles", "Brussel", "Brüssel", "Brussels", "Liège", "Luik", "Lüttich", "Charleroi", "Mons", "Bergen", "Anvers", "Antwerpen", "Antwerp",
        "Gand", "Gent", "Ghent", "Bruges", "Brugge", "Louvain", "Leuven", "Eupen", "Jambes", "Wavre", "Waver", "Arlon", "Aarlen", "Verviers", "Tournai", "Doornik",
        "Hasselt", "Malines", "Mechelen", "Ostende", "Oostende", "Courtrai", "Kortrijk", "Molenbeek", "Schaerbeek", "Schaarbeek", "Anderlecht", "Vilvorde", "Vilvoorde",
        "Malmedy", "Sankt-Vith", "Luxembourg", "Luxemburg", "Hainaut", "Henegouwen", "Brabant", "Limbourg", "Limburg", "Wallon", "Nord", "Sud", "Est", "Ouest",
        "France", "Frankrijk", "Frankreich", "Pays-Bas", "Nederland", "Niederlande", "Allemagne", "Duitsland", "Deutschland", "Germany", "Europe", "Europa",
        "Syrie", "Syrië", "Syrien", "Syria", "Irak", "Iraq", "Maroc", "Marokko", "Morocco", "Turquie", "Turkije", "Türkei", "Turkey",
        // Weekdays and months
        "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag",
        "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre",
        "Januari", "Februari", "Maart", "April", "Mei", "Juni", "Juli", "Augustus", "September", "Oktober", "November", "December",
        "Januar", "Februar", "März", "August", "Dezember", "January", "February", "March", "May", "June", "July", "October",
        "Noël", "Kerstmis", "Weihnachten", "Christmas", "Pâques", "Pasen", "Ostern", "Easter", "Ramadan", "Toussaint", "Carnaval", "Karneval",
        // German nouns of the domain (German capitalises every noun), and the polite "Sie"
        "Sie", "Ihnen", "Ihr", "Ihre", "Ihrer", "Ihrem", "Ihren", "Ihres",
        "Schule", "Klasse", "Lehrer", "Lehrerin", "Schüler", "Schülerin", "Eltern", "Mutter", "Vater", "Bruder", "Schwester", "Freunde", "Freund",
        "Kontakt", "Gewalt", "Gruppe", "Gruppen", "Waffen", "Waffe", "Propaganda", "Videos", "Video", "Verhalten", "Drohung", "Drohungen", "Anschlag",
        "Jugendhilfe", "Jugendamt", "Beobachtung", "Unterricht", "Pause", "Woche", "Wochen", "Tag", "Tage", "Monat", "Monate", "Jahr", "Jahre",
    };

    /// <summary>Prefixes of compound place and school names: "Saint-Servais", "Sint-Niklaas", "Sankt-Vith".</summary>
    private static readonly string[] PlacePrefixes = ["Saint-", "Sainte-", "Sint-", "Sankt-", "St-", "Ste-"];

    public static bool Contains(string word) =>
        Words.Contains(word) || PlacePrefixes.Any(p => word.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
