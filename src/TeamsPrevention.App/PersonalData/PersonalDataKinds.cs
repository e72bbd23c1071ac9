namespace TeamsPrevention.App.PersonalData;

/// <summary>The kinds as the API names them (<c>name</c>, <c>birthDate</c>…): stable codes the tab translates.</summary>
public static class PersonalDataKinds
{
    public static string Code(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Name => "name",
        PersonalDataKind.BirthDate => "birthDate",
        PersonalDataKind.Address => "address",
        PersonalDataKind.Phone => "phone",
        PersonalDataKind.Email => "email",
        PersonalDataKind.NationalNumber => "nationalNumber",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
