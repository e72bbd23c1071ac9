using Microsoft.AspNetCore.Authorization;

namespace TeamsPrevention.App.Directory;

/// <summary>
/// Authorization policies by role, decided by the App's own directory from the principal's Entra object id (never from
/// roles carried in the token). Use them as <c>.RequireAuthorization(DirectoryPolicies.Dpo)</c>.
/// </summary>
public static class DirectoryPolicies
{
    /// <summary>Any active person in the directory.</summary>
    public const string Member = "directory:member";

    /// <summary>IT administration: tenant, partners, roles; metadata only.</summary>
    public const string Admin = "directory:admin";

    /// <summary>People and their roles: the Admin (Partner, DPO, Admin) or the Chair (the roles that open case content).</summary>
    public const string People = "directory:people";

    /// <summary>The data protection officer: audit log and access reports; no case content.</summary>
    public const string Dpo = "directory:dpo";

    /// <summary>The Chair (mayor or delegate): inclusion and removal decisions.</summary>
    public const string Chair = "directory:chair";

    /// <summary>Chair or Coordinator: meetings, agendas, alerts, partners.</summary>
    public const string Coordination = "directory:coordination";

    /// <summary>The cell's own members who work on situations: Chair, Coordinator, Referent, PoliceReferent, Secretary.</summary>
    public const string Cell = "directory:cell";

    internal static void Add(AuthorizationBuilder authorization)
    {
        authorization.AddPolicy(Member, p => p.AddRequirements(new DirectoryRoleRequirement([])));
        authorization.AddPolicy(Admin, p => p.AddRequirements(new DirectoryRoleRequirement([DirectoryRole.Admin])));
        authorization.AddPolicy(People, p => p.AddRequirements(new DirectoryRoleRequirement([DirectoryRole.Admin, DirectoryRole.Chair])));
        authorization.AddPolicy(Dpo, p => p.AddRequirements(new DirectoryRoleRequirement([DirectoryRole.Dpo])));
        authorization.AddPolicy(Chair, p => p.AddRequirements(new DirectoryRoleRequirement([DirectoryRole.Chair])));
        authorization.AddPolicy(Coordination, p => p.AddRequirements(new DirectoryRoleRequirement([DirectoryRole.Chair, DirectoryRole.Coordinator])));
        authorization.AddPolicy(Cell, p => p.AddRequirements(new DirectoryRoleRequirement(
            [DirectoryRole.Chair, DirectoryRole.Coordinator, DirectoryRole.Referent, DirectoryRole.PoliceReferent, DirectoryRole.Secretary])));
    }
}
