using System.Text.RegularExpressions;

namespace TeamsPrevention.App.PersonalData;

/// <summary>
/// The regular expressions behind <see cref="PersonalDataDetector"/>. Each is linear in the text (no nested
/// quantifiers over the same characters) and bounded by a timeout.
/// </summary>
internal static partial class PersonalDataPatterns
{
    private const int Timeout = 200;

    /// <summary>An e-mail address; it starts where a run of address characters starts (so the engine does not retry inside every word).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex Email();

    /// <summary>The national register number: YY.MM.DD-XXX.CC (11 digits, separators optional).</summary>
    [GeneratedRegex(@"(?<!\d)\d{2}\.?\d{2}\.?\d{2}[-\s]?\d{3}\.?\d{2}(?!\d)", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex NationalNumber();

    /// <summary>Belgian: +32, 0032 or 0, then 8 or 9 digits, optionally separated by spaces, dots, slashes or hyphens.</summary>
    [GeneratedRegex(@"(?<![\d+])(?:\+32|0032|0)[\s./-]?[1-9](?:[\s./-]?\d){7,8}(?!\d)", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex BelgianPhone();

    /// <summary>Another country's number: + or 00 and a country code, then 8 to 14 digits in all.</summary>
    [GeneratedRegex(@"(?<![\w+])(?:\+|00)(?!32)[1-9](?:[\s./-]?\d){7,13}(?!\d)", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex InternationalPhone();

    /// <summary>"né le 3 mars 2008", "geboren op …", "geboren am …", "born in 2008", "geb. 03.03.08": a birth word, then a year or a date within 40 characters.</summary>
    [GeneratedRegex(@"(?:\b(?:née?s?|geboren|born)\b|\bgeb\.)[^\n]{0,40}?(?:\b(?:19|20)\d{2}\b|\b\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2}\b)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    public static partial Regex BornOn();

    /// <summary>A label of a birth date followed by a number: "date de naissance : 03/03/2008", "geboortedatum", "Geburtsdatum", "date of birth", "DOB".</summary>
    [GeneratedRegex(@"\b(?:date\s+de\s+naissance|geboortedatum|geburtsdatum|geburtstag|date\s+of\s+birth|birth\s*date|d\.\s?o\.\s?b\.|dob\b)\s*:?\s*\d",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    public static partial Regex BirthDateLabel();

    /// <summary>The Belgian "°" for born: "(°03.03.2008)", "° 2008" (not "n° 2024").</summary>
    [GeneratedRegex(@"(?<![nN]\s?)°\s*(?:\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}|(?:19|20)\d{2})", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex BornSign();

    /// <summary>dd/mm/yyyy, dd.mm.yyyy or dd-mm-yyyy: the year decides whether it reads as a birth date.</summary>
    [GeneratedRegex(@"(?<![\d./-])(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?<year>(?:19|20)\d{2})(?![\d])", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex NumericDate();

    /// <summary>"3 mars 2008", "3. März 2008", "3 maart 2008", "3 March 2008", "1er mai 2008".</summary>
    [GeneratedRegex(
        @"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?:er|\.)?\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|januar|j[äa]nner|februar|m[äa]rz|maerz|august|dezember|january|february|march|may|june|july|october)\s+(?<year>(?:19|20)\d{2})\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    public static partial Regex WrittenDate();

    /// <summary>A French street: "rue de Fer 25", "avenue Reine Astrid, 12", "chaussée de Louvain 123a".</summary>
    [GeneratedRegex(
        @"\b(?i:rue|avenue|av\.|boulevard|bd|chauss[ée]e|place|chemin|all[ée]e|quai|impasse|square|route|dr[èe]ve|clos|venelle|sentier|cit[ée]|rempart|parvis)\s+(?:(?i:de\s+la|de\s+l['’]|de|du|des|d['’]|la|le|les|l['’])\s*)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|du|des|la|le|les|d['’]\p{L}+|l['’]\p{L}+)){0,5}?\s*,?\s*\d{1,4}(?:\s?[a-zA-Z])?\b",
        RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex FrenchStreet();

    /// <summary>The French order, number first: "25 rue de Fer", "3 place d'Armes".</summary>
    [GeneratedRegex(
        @"(?<![\d.,/-])\b\d{1,4}(?:\s?[a-zA-Z])?\s*,?\s+(?i:rue|avenue|boulevard|chauss[ée]e|place|chemin|all[ée]e|quai|impasse|route)\s+(?:(?i:de\s+la|de\s+l['’]|de|du|des|d['’]|la|le|les|l['’])\s*)?\p{Lu}",
        RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex NumberThenFrenchStreet();

    /// <summary>A Dutch or German street in one word, then a number: "Kerkstraat 12", "Stationslaan 5b", "Kirchstraße 3", "Bahnhofstr. 7".</summary>
    [GeneratedRegex(
        @"\b\p{Lu}\p{Ll}+(?:straat|laan|steenweg|plein|dreef|kaai|lei|baan|weg|singel|straße|strasse|str\.|gasse|allee|platz)\s*,?\s*\d{1,4}(?:\s?[a-zA-Z])?\b",
        RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex OneWordStreet();

    /// <summary>A German street in two words: "Aachener Straße 12", "Lange Gasse 4".</summary>
    [GeneratedRegex(@"\b\p{Lu}\p{Ll}+\s+(?:Straße|Strasse|Weg|Platz|Allee|Gasse|Ring)\s+\d{1,4}(?:\s?[a-zA-Z])?\b", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex TwoWordStreet();

    /// <summary>An English street, number first: "10 Downing Street", "5 High Road".</summary>
    [GeneratedRegex(@"(?<![\d.,/-])\b\d{1,4}\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s+(?:Street|Road|Avenue|Lane|Drive|Square|St\.|Rd\.)", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex EnglishStreet();

    /// <summary>A Belgian postcode and a city: "5000 Namur", "B-4700 Eupen", "1080 Sint-Jans-Molenbeek".</summary>
    [GeneratedRegex(@"(?<![\d.,/:-])(?<prefix>\bB-?\s?)?\b(?<code>[1-9]\d{3})\s+(?<city>\p{Lu}\p{Ll}+)", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex PostcodeAndCity();

    /// <summary>A title and a capitalised word: "M. Dupont", "Mme Leroy", "Dhr. Peeters", "Frau Müller", "Mr Smith".</summary>
    [GeneratedRegex(
        @"(?<!\p{L})(?:M\.|MM\.|Mme|Mmes|Mlle|Monsieur|Madame|Mademoiselle|Dhr\.?|Mevr\.?|Mevrouw|Meneer|Mijnheer|Juffrouw|Herrn?|Frau|Fräulein|Mr\.?|Mrs\.?|Ms\.?|Miss)[ \t\u00A0]+(?<word>\p{Lu}[\p{L}'’-]+)",
        RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex TitledName();

    /// <summary>
    /// Two or more capitalised words in a row after a lower-case word, a digit, a comma or an opening bracket or quote
    /// (so not a sentence's first word, nor a clause's after a colon): "le jeune Zébulon Testfictif", "avec Pieter De Smet", "par Jean DUPONT".
    /// </summary>
    [GeneratedRegex(
        @"(?<=[\p{Ll}\p{N},;)(«“""][ \t\u00A0]+)(?<run>(?:\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*|\p{Lu}{2,}(?:-\p{Lu}+)*)(?![\p{L}\p{N}'’-])(?:[ \t\u00A0]+(?:\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*|\p{Lu}{2,}(?:-\p{Lu}+)*)(?![\p{L}\p{N}'’-]))+)",
        RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex CapitalisedRun();
}
