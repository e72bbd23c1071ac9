namespace TeamsPrevention.App.Directory;

/// <summary>A person to create or replace (roles included). Strings so that bad values come back as field errors.</summary>
public sealed record PersonInput(
    Guid? EntraObjectId,
    string? DisplayName,
    string? Email,
    string? PreferredLanguage,
    Guid? OrganisationId,
    IReadOnlyList<string>? Roles,
    bool? Active,
    string? TeamsUserId = null);
