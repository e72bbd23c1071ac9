namespace TeamsPrevention.Sandbox.Tenant;

/// <summary>A sandbox tenant: its directory (people) and its app registrations. Immutable; per-tenant state lives in <see cref="SandboxState"/>.</summary>
public sealed record SandboxTenant(
    string TenantId,
    string DisplayName,
    string Domain,
    IReadOnlyList<DemoPersona> Personas,
    IReadOnlyList<SandboxAppRegistration> Apps)
{
    /// <summary>The two tenants of the sandbox: the city (<see cref="DemoTenant.TenantId"/>) and an unrelated one.</summary>
    public static IReadOnlyList<SandboxTenant> Seed { get; } =
    [
        new(DemoTenant.TenantId, DemoTenant.DisplayName, DemoTenant.Domain, DemoTenant.Personas,
        [
            new(DemoTenant.BotAppId, DemoTenant.BotAppSecret, "TeamsPrevention", "e4a7c1d2-5b3f-4a8e-9c6d-2f1b0a9e8d71",
            [
                "User.Read.All",
                "Group.ReadWrite.All",
                "Team.ReadBasic.All",
                "TeamMember.ReadWrite.All",
                "Channel.Create",
                "Channel.Delete.All",
                "ChannelSettings.ReadWrite.All",
                "ChannelMember.ReadWrite.All",
                "TeamsAppInstallation.ReadWriteForUser.All",
                "Calendars.ReadWrite",
                "OnlineMeetings.ReadWrite.All",
            ]),
        ]),
        new(DemoTenant.OtherTenantId, DemoTenant.OtherDisplayName, DemoTenant.OtherDomain, DemoTenant.OtherPersonas,
        [
            new(DemoTenant.OtherAppId, DemoTenant.OtherAppSecret, "Other app", "f5b8d2e3-6c4a-4b9f-8d7e-3a2c1b0f9e82",
            [
                "User.Read.All",
                "Team.ReadBasic.All",
                "Channel.Create",
                "ChannelMember.ReadWrite.All",
                "Calendars.ReadWrite",
            ]),
        ]),
    ];

    public DemoPersona? FindPersona(string objectId) =>
        Personas.FirstOrDefault(p => string.Equals(p.ObjectId, objectId, StringComparison.OrdinalIgnoreCase));

    public DemoPersona? FindPersonaByTeamsId(string teamsUserId) =>
        Personas.FirstOrDefault(p => string.Equals(p.TeamsUserId, teamsUserId, StringComparison.OrdinalIgnoreCase));

    public DemoPersona? FindPersonaByUpn(string userPrincipalName) =>
        Personas.FirstOrDefault(p => string.Equals(p.UserPrincipalName, userPrincipalName, StringComparison.OrdinalIgnoreCase));

    public SandboxAppRegistration? FindApp(string clientId) =>
        Apps.FirstOrDefault(a => string.Equals(a.ClientId, clientId, StringComparison.OrdinalIgnoreCase));
}
