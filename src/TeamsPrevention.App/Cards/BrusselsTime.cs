using System.Globalization;

namespace TeamsPrevention.App.Cards;

/// <summary>Dates and times as people read them: in Europe/Brussels, in their language.</summary>
public static class BrusselsTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    /// <summary>The local time in Brussels of an instant.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>A date and time, e.g. <c>29 novembre 2026 à 15:04</c>, <c>29 november 2026 om 15:04</c>.</summary>
    public static string FormatDateTime(DateTimeOffset instant, UserLanguage language)
    {
        var (culture, pattern) = language switch
        {
            UserLanguage.Nl => ("nl-BE", "d MMMM yyyy 'om' HH:mm"),
            UserLanguage.De => ("de-BE", "d. MMMM yyyy 'um' HH:mm"),
            UserLanguage.En => ("en-GB", "d MMMM yyyy 'at' HH:mm"),
            _ => ("fr-BE", "d MMMM yyyy 'à' HH:mm"),
        };
        return ToLocal(instant).ToString(pattern, CultureInfo.GetCultureInfo(culture));
    }
}
