namespace TeamsPrevention.App.PersonalData;

/// <summary>
/// What a free text seems to hold about a person. A warning names the kind only, never the text that matched
/// (<see cref="PersonalDataKinds.Code"/> is what the API answers).
/// </summary>
public enum PersonalDataKind
{
    Name,
    BirthDate,
    Address,
    Phone,
    Email,
    NationalNumber,
}
