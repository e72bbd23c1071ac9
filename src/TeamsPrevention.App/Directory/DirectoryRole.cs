using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Directory;

/// <summary>The roles of the cell (domain.md). A person may hold several. Stored by name: never rename a member.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DirectoryRole>))]
public enum DirectoryRole
{
    Chair,
    Coordinator,
    Referent,
    PoliceReferent,
    Partner,
    Secretary,
    Dpo,
    Admin,
}
