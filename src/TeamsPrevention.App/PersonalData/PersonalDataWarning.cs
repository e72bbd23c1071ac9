using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.PersonalData;

/// <summary>
/// Free text that looks personal, saved without <c>personalDataConfirmed</c>: answered 422, nothing stored. The problem
/// document lists, per field, the kinds found (<c>personalData</c>: <c>{"text": ["name", "birthDate"]}</c>) and a
/// sentence per field in <c>errors</c>, in the caller's language; it never repeats the text.
/// </summary>
public sealed class PersonalDataWarning(IReadOnlyDictionary<string, IReadOnlyList<PersonalDataKind>> fields, UserLanguage language, bool identityFields)
    : ProblemException(
        StatusCodes.Status422UnprocessableEntity,
        PersonalDataTexts.For(language).Title,
        identityFields ? $"{PersonalDataTexts.For(language).Detail} {PersonalDataTexts.For(language).IdentityFields}" : PersonalDataTexts.For(language).Detail,
        fields.ToDictionary(f => f.Key, f => new[] { PersonalDataTexts.For(language).Field(f.Value) }, StringComparer.Ordinal))
{
    /// <summary>The request's member that says the writer saw the warning and saves anyway.</summary>
    public const string ConfirmedMember = "personalDataConfirmed";

    public IReadOnlyDictionary<string, IReadOnlyList<PersonalDataKind>> Fields { get; } = fields;

    public UserLanguage Language { get; } = language;

    public override IReadOnlyDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>
    {
        ["personalData"] = fields.ToDictionary(f => f.Key, f => f.Value.Select(PersonalDataKinds.Code).ToArray(), StringComparer.Ordinal),
        ["confirmWith"] = ConfirmedMember,
        ["identityFields"] = identityFields,
    };
}
