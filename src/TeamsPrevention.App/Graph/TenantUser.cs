namespace TeamsPrevention.App.Graph;

/// <summary>A person of the tenant's directory, as the product needs them.</summary>
public sealed record TenantUser(string Id, string DisplayName, string? UserPrincipalName, string? Mail, string? PreferredLanguage, string? JobTitle);
