namespace TeamsPrevention.Sandbox.Graph;

/// <summary>An app installed in a user's personal scope.</summary>
public sealed record SandboxInstalledApp(string Id, string UserId, string TeamsAppId);
