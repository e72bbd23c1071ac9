namespace TeamsPrevention.App.Tab;

/// <summary>
/// What the front end needs to know before anyone signs in (<c>GET /tab-config.json</c>, anonymous): the app's
/// client id and API scope for Teams single sign-on, the session's idle timeout, and — only when a sandbox tenant is
/// configured — where its personas sign in; the Teams app id when links open Teams (a browser outside Teams then
/// offers the same page in Teams). Nothing about any person.
/// </summary>
public sealed record TabConfiguration(string ClientId, string TenantId, string ApiScope, int IdleTimeoutMinutes, TabSandbox? Sandbox, string? TeamsAppId);

/// <summary>The sandbox tenant's persona sign-in, for the tab in a plain browser (never in Production).</summary>
public sealed record TabSandbox(Uri PersonasUrl, string PersonaTokenUrlTemplate, Uri InboxUrl);
