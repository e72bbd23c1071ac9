using System.Globalization;
using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Hosting;

/// <summary>
/// What a person reads when a request's input is refused before any feature rule (a value that does not parse, a date
/// out of range, a period the wrong way round), per language, French first. Never echoes the value sent.
/// </summary>
public static class InputTexts
{
    /// <summary>The title of a validation problem.</summary>
    public static string Title(UserLanguage language) => language switch
    {
        UserLanguage.Nl => "Ongeldige gegevens.",
        UserLanguage.De => "Ungültige Angaben.",
        UserLanguage.En => "Invalid data.",
        _ => "Données invalides.",
    };

    public static string InvalidValue(UserLanguage language) => language switch
    {
        UserLanguage.Nl => "Ongeldige waarde.",
        UserLanguage.De => "Ungültiger Wert.",
        UserLanguage.En => "Invalid value.",
        _ => "Valeur invalide.",
    };

    public static string EndBeforeStart(UserLanguage language) => language switch
    {
        UserLanguage.Nl => "Het einde moet na het begin komen.",
        UserLanguage.De => "Das Ende muss nach dem Beginn liegen.",
        UserLanguage.En => "The end must follow the start.",
        _ => "La fin doit suivre le début.",
    };

    public static string DateOutOfRange(UserLanguage language)
    {
        var (first, last) = (Day(RequestDates.Earliest), Day(RequestDates.Latest));
        return language switch
        {
            UserLanguage.Nl => $"Datum buiten bereik: tussen {first} en {last}.",
            UserLanguage.De => $"Datum außerhalb des Bereichs: zwischen {first} und {last}.",
            UserLanguage.En => $"Date out of range: between {first} and {last}.",
            _ => $"Date hors limites : entre le {first} et le {last}.",
        };
    }

    public static string AtMostMonths(int months, UserLanguage language) => language switch
    {
        UserLanguage.Nl => $"Hoogstens {months} maanden.",
        UserLanguage.De => $"Höchstens {months} Monate.",
        UserLanguage.En => $"At most {months} months.",
        _ => $"{months} mois au plus.",
    };

    public static string AtMostDays(double days, UserLanguage language) => language switch
    {
        UserLanguage.Nl => $"Een periode van hoogstens {days:0} dagen.",
        UserLanguage.De => $"Ein Zeitraum von höchstens {days:0} Tagen.",
        UserLanguage.En => $"A period of at most {days:0} days.",
        _ => $"Période de {days:0} jours au plus.",
    };

    public static string AtLeast(long minimum, UserLanguage language) => language switch
    {
        UserLanguage.Nl => $"Minstens {minimum}.",
        UserLanguage.De => $"Mindestens {minimum}.",
        UserLanguage.En => $"At least {minimum}.",
        _ => $"{minimum} au moins.",
    };

    public static string Between(long minimum, long maximum, UserLanguage language) => language switch
    {
        UserLanguage.Nl => $"Tussen {minimum} en {maximum}.",
        UserLanguage.De => $"Zwischen {minimum} und {maximum}.",
        UserLanguage.En => $"Between {minimum} and {maximum}.",
        _ => $"Entre {minimum} et {maximum}.",
    };

    public static string Expected(IEnumerable<string> values, UserLanguage language)
    {
        var list = string.Join(", ", values);
        return language switch
        {
            UserLanguage.Nl => $"Verwachte waarde: {list}.",
            UserLanguage.De => $"Erwarteter Wert: {list}.",
            UserLanguage.En => $"Expected value: {list}.",
            _ => $"Valeur attendue : {list}.",
        };
    }

    public static string TooLong(int maximum, UserLanguage language) => language switch
    {
        UserLanguage.Nl => $"Hoogstens {maximum} tekens.",
        UserLanguage.De => $"Höchstens {maximum} Zeichen.",
        UserLanguage.En => $"At most {maximum} characters.",
        _ => $"{maximum} caractères au plus.",
    };

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
