using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Resources;

/// <summary>The protocol's three non-case domains a resource belongs to. Stored by name: never rename a member.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResourceKind>))]
public enum ResourceKind
{
    /// <summary>A prevention project a partner runs or ran, to spread it.</summary>
    Project,

    /// <summary>Expertise a partner offers (training, advice, a method).</summary>
    Expertise,

    /// <summary>Material for communication to the public.</summary>
    Communication,
}
