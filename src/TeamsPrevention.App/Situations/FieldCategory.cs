using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Situations;

/// <summary>The GDPR tag of a personal field (domain requirement 15).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FieldCategory>))]
public enum FieldCategory
{
    /// <summary>Identifies the person (names, birth date, address, school).</summary>
    Identity,

    /// <summary>GDPR art. 9: beliefs, health…</summary>
    SpecialCategory,

    /// <summary>GDPR art. 10: offences, judicial measures.</summary>
    Offence,

    /// <summary>Social and family situation.</summary>
    Social,
}
