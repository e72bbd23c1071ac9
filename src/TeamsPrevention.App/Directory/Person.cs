namespace TeamsPrevention.App.Directory;

/// <summary>A member of the cell or a partner's contact person.</summary>
public sealed class Person
{
    public const int MaxDisplayNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxTeamsUserIdLength = 256;

    /// <summary>The languages the product speaks, French first.</summary>
    public static readonly IReadOnlyList<string> Languages = ["fr", "nl", "de", "en"];

    public Guid Id { get; init; }

    /// <summary>The Entra ID object id (the <c>oid</c> claim), unique.</summary>
    public Guid EntraObjectId { get; set; }

    /// <summary>The Teams user id (<c>29:…</c>) the Bot Connector uses, recorded when the bot first sees the person.</summary>
    public string? TeamsUserId { get; set; }

    public required string DisplayName { get; set; }

    public string? Email { get; set; }

    /// <summary><c>fr</c> (default), <c>nl</c>, <c>de</c> or <c>en</c>.</summary>
    public string PreferredLanguage { get; set; } = "fr";

    public Guid OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public bool Active { get; set; } = true;

    public List<PersonRole> Roles { get; init; } = [];
}
