namespace TeamsPrevention.App.Situations;

/// <summary>One entry of the city's alert-indicator checklist: an observable behaviour, labelled in four languages.</summary>
public sealed class AlertIndicator
{
    public string Key { get; set; } = "";

    public string Fr { get; set; } = "";

    public string Nl { get; set; } = "";

    public string De { get; set; } = "";

    public string En { get; set; } = "";

    /// <summary>
    /// The example list shipped with the product (from the glossary), TO BE REPLACED by the city's own checklist
    /// (<c>Situations:AlertIndicators</c>). Observable behaviours only, never beliefs, origin or religion as such.
    /// </summary>
    public static IReadOnlyList<AlertIndicator> ExampleList { get; } =
    [
        New("violence-justification", "Justification ou glorification de la violence exprimée", "Geuite rechtvaardiging of verheerlijking van geweld", "Geäußerte Rechtfertigung oder Verherrlichung von Gewalt", "Expressed justification or glorification of violence"),
        New("threats", "Menaces", "Bedreigingen", "Drohungen", "Threats"),
        New("sudden-break", "Rupture soudaine avec la famille, les amis, l'école ou le travail", "Plotselinge breuk met familie, vrienden, school of werk", "Plötzlicher Bruch mit Familie, Freunden, Schule oder Arbeit", "Sudden break with family, friends or school/work"),
        New("propaganda", "Partage de propagande extrémiste violente", "Delen van gewelddadige extremistische propaganda", "Verbreitung gewaltextremistischer Propaganda", "Sharing of violent extremist propaganda"),
        New("weapons-interest", "Intérêt pour les armes ou les attentats", "Interesse in wapens of aanslagen", "Interesse an Waffen oder Anschlägen", "Interest in weapons or attacks"),
        New("violent-groups", "Contacts avec des groupes violents connus", "Contacten met gekende gewelddadige groepen", "Kontakte zu bekannten gewalttätigen Gruppen", "Contact with known violent groups"),
        New("dehumanising-rhetoric", "Discours « eux contre nous » déshumanisant", "Ontmenselijkende wij-zij-retoriek", "Entmenschlichende Wir-gegen-die-Rhetorik", "Us-versus-them rhetoric that dehumanises others"),
        New("behaviour-change", "Changement marqué de comportement signalé par plusieurs services", "Opvallende gedragsverandering gemeld door meerdere diensten", "Deutliche Verhaltensänderung, von mehreren Diensten gemeldet", "Marked change of behaviour reported by several services"),
    ];

    public string Label(string language) => language switch
    {
        "nl" => Nl,
        "de" => De,
        "en" => En,
        _ => Fr,
    };

    private static AlertIndicator New(string key, string fr, string nl, string de, string en) =>
        new() { Key = key, Fr = fr, Nl = nl, De = de, En = en };
}
