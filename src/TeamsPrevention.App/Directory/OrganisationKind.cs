using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Directory;

/// <summary>What an organisation is. <see cref="City"/> is the city's own cell. Stored by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrganisationKind>))]
public enum OrganisationKind
{
    City,
    Police,
    School,
    SocialWelfare,
    YouthService,
    Association,
    Other,
}
