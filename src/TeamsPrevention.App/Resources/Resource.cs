namespace TeamsPrevention.App.Resources;

/// <summary>
/// One entry of the partners' shared library: prevention projects, expertise, public-communication material
/// (requirement 26). Non-personal by rule: no case, no person described, no contact details of individuals — the owner
/// organisation is the contact. Individual situations go only through the case module.
/// </summary>
public sealed class Resource
{
    public const int MinTitleLength = 3;
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 2000;
    public const int MaxLinkLength = 2048;
    public const int MaxTags = 10;
    public const int MaxTagLength = 40;

    public Guid Id { get; init; }

    public ResourceKind Kind { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>The organisation that owns the entry; only its members (or an Admin or Coordinator) edit or delete it.</summary>
    public Guid OrganisationId { get; set; }

    /// <summary>An optional https link to the material.</summary>
    public string? Link { get; set; }

    /// <summary>Lower-case keywords, at most <see cref="MaxTags"/>.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary><c>fr</c>, <c>nl</c>, <c>de</c> or <c>en</c>: the language of the material.</summary>
    public string Language { get; set; } = "fr";

    /// <summary>Directory id of who added it.</summary>
    public Guid CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public Guid UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
