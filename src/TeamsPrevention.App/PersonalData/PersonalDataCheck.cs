using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.PersonalData;

/// <summary>
/// The free-text fields of one request, looked at together before anything is saved:
/// <c>PersonalDataCheck.For(time).Add("text", input.Text).Add(…).ThrowUnlessConfirmed(input.PersonalDataConfirmed, language)</c>.
/// </summary>
public sealed class PersonalDataCheck(DateOnly today)
{
    private readonly Dictionary<string, IReadOnlyList<PersonalDataKind>> _found = new(StringComparer.Ordinal);

    /// <summary>Today in Brussels: whether a date is old enough to read as a birth date depends on it.</summary>
    public static PersonalDataCheck For(TimeProvider time) => new(DateOnly.FromDateTime(BrusselsTime.ToLocal(time.GetUtcNow()).DateTime));

    public IReadOnlyDictionary<string, IReadOnlyList<PersonalDataKind>> Found => _found;

    public PersonalDataCheck Add(string field, string? text)
    {
        var kinds = PersonalDataDetector.Find(text, today);
        if (kinds.Count > 0)
        {
            _found[field] = kinds;
        }

        return this;
    }

    /// <summary>
    /// Throws <see cref="PersonalDataWarning"/> (422) when a field looks personal and the writer has not confirmed.
    /// <paramref name="identityFields"/>: the form has protected identity fields to point to.
    /// </summary>
    public void ThrowUnlessConfirmed(bool confirmed, UserLanguage language, bool identityFields = false)
    {
        if (!confirmed && _found.Count > 0)
        {
            throw new PersonalDataWarning(_found, language, identityFields);
        }
    }
}
