namespace TeamsPrevention.App.Directory;

/// <summary>An organisation to create or replace. Strings so that bad values come back as field errors.</summary>
public sealed record OrganisationInput(string? Key, string? Name, string? Kind);
