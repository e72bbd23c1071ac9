namespace TeamsPrevention.Sandbox.Tenant;

/// <summary>An app registration of a sandbox tenant (client id, secret, Graph application permissions granted).</summary>
/// <param name="ServicePrincipalId">Object id of the app's service principal in the tenant (the <c>oid</c> of its app tokens).</param>
/// <param name="GraphRoles">Microsoft Graph application permissions consented (the <c>roles</c> claim of Graph tokens).</param>
public sealed record SandboxAppRegistration(
    string ClientId,
    string ClientSecret,
    string DisplayName,
    string ServicePrincipalId,
    IReadOnlyList<string> GraphRoles);
