using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Alerts;

/// <summary>Who must answer: one person, or an organisation (any of its contacts answers for it).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertRecipientKind>))]
public enum AlertRecipientKind
{
    Person,
    Organisation,
}
