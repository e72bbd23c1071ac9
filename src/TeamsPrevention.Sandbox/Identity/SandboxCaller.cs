namespace TeamsPrevention.Sandbox.Identity;

/// <summary>Who called a protected sandbox endpoint, from a validated sandbox access token.</summary>
/// <param name="AppId">The client (<c>azp</c>/<c>appid</c>).</param>
/// <param name="ObjectId">The service principal (app tokens) or the signed-in person (delegated tokens).</param>
/// <param name="Roles">Application permissions (<c>roles</c>).</param>
/// <param name="Scopes">Delegated permissions (<c>scp</c>); empty for app tokens.</param>
public sealed record SandboxCaller(
    string TenantId,
    string AppId,
    string ObjectId,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Scopes)
{
    public bool IsApp => Scopes.Count == 0;
}
