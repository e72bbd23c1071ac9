using System.Text;
using System.Text.RegularExpressions;

namespace TeamsPrevention.App.PersonalData;

/// <summary>
/// Finds what looks like a person's identifying or contact data in a free text, by kind. A guard that warns, not a
/// guarantee: it is conservative (a false positive costs a confirmation) and misses what it cannot see (a first name
/// alone, initials, a name at the very start of a sentence, a name with a lower-case particle such as "de" or "van").
/// The rules, in the order they are looked for (what a rule matched is blanked before the next ones look, so a
/// national number does not also read as a phone number, nor a date as a phone number):
/// <list type="bullet">
/// <item><b>e-mail</b>, then <b>national number</b> (YY.MM.DD-XXX.CC, 11 digits);</item>
/// <item><b>birth date</b>: a birth word then a year or date within 40 characters ("né le", "geboren op", "geboren
/// am", "born", "geb.", the Belgian "°"), a label ("date de naissance", "geboortedatum", "Geburtsdatum", "date of
/// birth", "DOB") then a number, or any full date (dd/mm/yyyy, dd.mm.yyyy, dd-mm-yyyy, "3 mars 2008") at least
/// <see cref="BirthDateMinimumAge"/> years old. Recent and future dates (deadlines, meetings, the facts of the last
/// years) are not flagged;</item>
/// <item><b>phone</b>: Belgian (+32, 0032 or 0 and 8–9 digits) or another country's (+ or 00 and a country code);</item>
/// <item><b>address</b>: a street word and a number (rue/avenue/chaussée… in French, either order; …straat/…laan/
/// …steenweg, …straße/…gasse in one word; "Aachener Straße 12"; "10 Downing Street"), or a Belgian postcode and a
/// capitalised city ("5000 Namur"; 1900–2099 only after "B-", since those read as years);</item>
/// <item><b>name</b>: a title then a capitalised word ("M.", "Mme", "Monsieur", "Madame", "Dhr.", "Mevr.", "Herr",
/// "Frau", "Mr", "Mrs"…), or two or more capitalised words in a row after a lower-case word, a digit, a comma or an
/// opening bracket or quote (not a sentence's first word, nor the first after a colon), of which at least two are
/// not in <see cref="NameAllowList"/> and one is written "Xxxx" (so "CPAS Namur" or "ATTENTION DANGER" are not
/// names). German, which capitalises every noun, gives more false positives than the other languages.</item>
/// </list>
/// </summary>
public static class PersonalDataDetector
{
    /// <summary>A full date at least this many years before today reads as a birth date.</summary>
    public const int BirthDateMinimumAge = 10;

    private static readonly HashSet<string> NotCities = new(StringComparer.OrdinalIgnoreCase)
    {
        "Euro", "Euros", "EUR", "Menschen", "Personen", "Personnes", "Jahre", "Jahren", "Stunden", "Kinder", "Leute", "Mal", "Teilnehmer",
        "Schüler", "Mitglieder", "Fälle", "Uhr", "Minuten", "Tage", "Wochen", "Monate",
    };

    /// <summary>The kinds of personal data <paramref name="text"/> seems to hold, in a fixed order, each once.</summary>
    public static IReadOnlyList<PersonalDataKind> Find(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = new SortedSet<PersonalDataKind>();
        var rest = new StringBuilder(text);
        Look(rest, found, PersonalDataKind.Email, PersonalDataPatterns.Email());
        Look(rest, found, PersonalDataKind.NationalNumber, PersonalDataPatterns.NationalNumber());
        Look(rest, found, PersonalDataKind.BirthDate, PersonalDataPatterns.BornOn(), PersonalDataPatterns.BirthDateLabel(), PersonalDataPatterns.BornSign());
        // Every full date is blanked (so "02/03/2026 14h" is not read as a phone number); only an old one counts.
        Look(rest, found, PersonalDataKind.BirthDate, m => int.Parse(m.Groups["year"].ValueSpan, provider: null) <= today.Year - BirthDateMinimumAge, blankAll: true,
            PersonalDataPatterns.NumericDate(), PersonalDataPatterns.WrittenDate());
        Look(rest, found, PersonalDataKind.Phone, PersonalDataPatterns.BelgianPhone(), PersonalDataPatterns.InternationalPhone());
        Look(rest, found, PersonalDataKind.Address, PersonalDataPatterns.FrenchStreet(), PersonalDataPatterns.NumberThenFrenchStreet(),
            PersonalDataPatterns.OneWordStreet(), PersonalDataPatterns.TwoWordStreet(), PersonalDataPatterns.EnglishStreet());
        Look(rest, found, PersonalDataKind.Address, IsPostcodeAndCity, PersonalDataPatterns.PostcodeAndCity());
        Look(rest, found, PersonalDataKind.Name, m => !NameAllowList.Contains(m.Groups["word"].Value), PersonalDataPatterns.TitledName());
        Look(rest, found, PersonalDataKind.Name, IsNameRun, PersonalDataPatterns.CapitalisedRun());
        return [.. found];
    }

    /// <summary>The library's rule: an e-mail address, a phone number or a national register number (no dates, names or addresses).</summary>
    public static bool LooksLikeContactData(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var found = new SortedSet<PersonalDataKind>();
        LookForContactData(new StringBuilder(text), found);
        return found.Count > 0;
    }

    private static void LookForContactData(StringBuilder text, SortedSet<PersonalDataKind> found)
    {
        Look(text, found, PersonalDataKind.Email, PersonalDataPatterns.Email());
        Look(text, found, PersonalDataKind.NationalNumber, PersonalDataPatterns.NationalNumber());
        Look(text, found, PersonalDataKind.Phone, PersonalDataPatterns.BelgianPhone(), PersonalDataPatterns.InternationalPhone());
    }

    private static void Look(StringBuilder text, SortedSet<PersonalDataKind> found, PersonalDataKind kind, params Regex[] patterns) =>
        Look(text, found, kind, _ => true, blankAll: false, patterns);

    private static void Look(StringBuilder text, SortedSet<PersonalDataKind> found, PersonalDataKind kind, Func<Match, bool> counts, params Regex[] patterns) =>
        Look(text, found, kind, counts, blankAll: false, patterns);

    /// <summary>Adds <paramref name="kind"/> when a match counts; blanks what counted (or every match: <paramref name="blankAll"/>).</summary>
    private static void Look(StringBuilder text, SortedSet<PersonalDataKind> found, PersonalDataKind kind, Func<Match, bool> counts, bool blankAll, params Regex[] patterns)
    {
        foreach (var pattern in patterns)
        {
            var current = text.ToString();
            try
            {
                foreach (Match match in pattern.Matches(current))
                {
                    var counted = counts(match);
                    if (counted)
                    {
                        found.Add(kind);
                    }

                    if (counted || blankAll)
                    {
                        // Blank what matched so that a later kind does not read it again.
                        text.Remove(match.Index, match.Length).Insert(match.Index, new string(' ', match.Length));
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A text built to be slow: warn rather than let it through unchecked.
                found.Add(kind);
            }
        }
    }

    private static bool IsPostcodeAndCity(Match match)
    {
        var code = int.Parse(match.Groups["code"].ValueSpan, provider: null);
        var year = code is >= 1900 and <= 2099;
        return (match.Groups["prefix"].Success || !year) && !NotCities.Contains(match.Groups["city"].Value);
    }

    private static bool IsNameRun(Match match)
    {
        var words = match.Groups["run"].Value.Split([' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        var candidates = words.Where(w => !NameAllowList.Contains(w)).ToList();
        return candidates.Count >= 2 && candidates.Any(w => w.Length > 1 && char.IsLower(w[1]));
    }
}
