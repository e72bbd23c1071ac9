namespace TeamsPrevention.App.Situations;

/// <summary>A personal field the product may hold about the person, with its GDPR tag. All are sealed at rest.</summary>
public sealed record IdentityField(string Key, FieldCategory Category, string LabelFr)
{
    public static IReadOnlyList<IdentityField> All { get; } =
    [
        new("firstName", FieldCategory.Identity, "Prénom"),
        new("lastName", FieldCategory.Identity, "Nom"),
        new("birthDate", FieldCategory.Identity, "Date de naissance"),
        new("address", FieldCategory.Identity, "Adresse"),
        new("school", FieldCategory.Identity, "École"),
        new("nationality", FieldCategory.Identity, "Nationalité"),
        new("beliefs", FieldCategory.SpecialCategory, "Convictions"),
        new("health", FieldCategory.SpecialCategory, "Santé"),
        new("offences", FieldCategory.Offence, "Infractions, mesures judiciaires"),
        new("socialSituation", FieldCategory.Social, "Situation sociale et familiale"),
    ];

    public const int MaxValueLength = 1000;

    public static IdentityField? Find(string key) => All.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));
}
