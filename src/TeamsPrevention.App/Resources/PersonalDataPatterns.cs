using System.Text.RegularExpressions;

namespace TeamsPrevention.App.Resources;

/// <summary>
/// A guard, not a guarantee: refuses library text that looks like it carries contact or identity data of a person (an
/// e-mail address, a Belgian phone number, a national register number). Names cannot be recognised this way; the
/// rule for authors is in the model's documentation: the owner organisation is the contact, no one is described.
/// </summary>
public static partial class PersonalDataPatterns
{
    public const string Message =
        "Le texte semble contenir des données personnelles (adresse e-mail, numéro de téléphone ou de registre national). " +
        "La bibliothèque est non nominative : indiquez l'organisation comme contact et retirez ces données.";

    /// <summary>True when <paramref name="text"/> contains something that looks like personal contact or identity data.</summary>
    public static bool LookPersonal(string? text) =>
        !string.IsNullOrEmpty(text) && (Email().IsMatch(text) || Phone().IsMatch(text) || NationalNumber().IsMatch(text));

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Email();

    /// <summary>+32, 0032 or 0, then 8 or 9 digits, optionally separated by spaces, dots, slashes or hyphens.</summary>
    [GeneratedRegex(@"(?<![\d+])(?:\+32|0032|0)[\s./-]?[1-9](?:[\s./-]?\d){7,8}(?!\d)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Phone();

    /// <summary>The national register number: YY.MM.DD-XXX.CC (11 digits, separators optional).</summary>
    [GeneratedRegex(@"(?<!\d)\d{2}\.?\d{2}\.?\d{2}[-\s]?\d{3}\.?\d{2}(?!\d)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex NationalNumber();
}
