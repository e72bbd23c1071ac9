using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.SubjectAccess;

/// <summary>What the export says to the DPO who reads it, in their directory language (French first).</summary>
internal static class SubjectAccessTexts
{
    public static string PersonNotice(UserLanguage language) => language switch
    {
        UserLanguage.Nl => "Inzageverzoek (AVG art. 15) voor een persoon uit de gids: alles wat het product over deze persoon bewaart. " +
            "Situaties en meldingen worden alleen met hun code of referentie vermeld: hun inhoud betreft anderen en werd onder gedeeld beroepsgeheim gedeeld.",
        UserLanguage.De => "Auskunftsersuchen (DSGVO Art. 15) für eine Person des Verzeichnisses: alles, was das Produkt über diese Person speichert. " +
            "Situationen und Warnmeldungen erscheinen nur mit Code oder Referenz: ihr Inhalt betrifft andere und wurde unter geteiltem Berufsgeheimnis geteilt.",
        UserLanguage.En => "Subject-access request (GDPR art. 15) for a person of the directory: everything the product holds about them. " +
            "Situations and alerts appear by code or reference only: their content is about others and was shared under shared professional secrecy.",
        _ => "Demande d'accès (RGPD art. 15) pour une personne de l'annuaire : tout ce que le produit conserve à son sujet. " +
            "Les situations et les alertes n'y figurent que par leur code ou leur référence : leur contenu concerne d'autres personnes et a été partagé sous le secret professionnel partagé.",
    };

    public static string SituationNotice(UserLanguage language) => language switch
    {
        UserLanguage.Nl => "Inzageverzoek (AVG art. 15) van de persoon op wie deze situatie betrekking heeft: de verzegelde velden zijn hier geopend. " +
            "Werkdocument voor de DPO: controleer vóór verzending wat derden betreft (art. 15, lid 4) en wat onder gedeeld beroepsgeheim werd meegedeeld (art. 458ter Sw.).",
        UserLanguage.De => "Auskunftsersuchen (DSGVO Art. 15) der Person, die diese Situation betrifft: die versiegelten Felder sind hier geöffnet. " +
            "Arbeitsdokument der/des DPO: vor der Übermittlung prüfen, was Dritte betrifft (Art. 15 Abs. 4) und was unter geteiltem Berufsgeheimnis mitgeteilt wurde (Art. 458ter StGB).",
        UserLanguage.En => "Subject-access request (GDPR art. 15) of the person this situation is about: the sealed fields are opened here. " +
            "A working document for the DPO: before sending it, check what concerns third parties (art. 15(4)) and what was disclosed under shared professional secrecy (Criminal Code art. 458ter).",
        _ => "Demande d'accès (RGPD art. 15) de la personne concernée par cette situation : les champs scellés sont ici ouverts. " +
            "Document de travail du ou de la DPO : avant tout envoi, vérifier ce qui concerne des tiers (art. 15, § 4) et ce qui a été confié sous le secret professionnel partagé (art. 458ter C. pén.).",
    };

    /// <summary>What the situation export leaves out, and why.</summary>
    public static IReadOnlyList<string> SituationLeftOut(UserLanguage language) => language switch
    {
        UserLanguage.Nl =>
        [
            "Besluitenlijsten van casusoverleg en terugkoppelingsfiches: beraadslagingen van het overleg, enkel voor de deelnemers (art. 458ter Sw.); op te vragen bij de voorzitter.",
            "Tekst van de meldingen over deze situatie: mededelingen tussen de deelnemers van de cel.",
        ],
        UserLanguage.De =>
        [
            "Beschlussprotokolle der Fallbesprechungen und Rückmeldebögen: Beratungen der Besprechung, nur für ihre Teilnehmenden (Art. 458ter StGB); beim Vorsitz anzufragen.",
            "Text der Warnmeldungen zu dieser Situation: Mitteilungen zwischen den Teilnehmenden der Zelle.",
        ],
        UserLanguage.En =>
        [
            "Decision minutes of case meetings and police feedback forms: the consultation's deliberations, for its participants only (Criminal Code art. 458ter); to be asked of the Chair.",
            "The text of alerts about this situation: communications among the cell's participants.",
        ],
        _ =>
        [
            "Relevés de décisions des réunions de concertation et fiches de retour : délibérations de la concertation, réservées à ses participants (art. 458ter C. pén.) ; à demander au ou à la président·e.",
            "Texte des alertes relatives à cette situation : communications entre les participants de la cellule.",
        ],
    };
}
