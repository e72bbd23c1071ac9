namespace TeamsPrevention.App.Directory;

/// <summary>
/// Which roles open case content. Chair, Coordinator, Referent and Police referent work on situations; the Secretary
/// writes the decision minutes of the items they attend, and may break glass like the cell's other members, so
/// Secretary opens case content too. Partner, DPO and Admin do not by themselves (a partner sees only what a
/// situation's list gives them; the DPO and the Admin see metadata only).
/// </summary>
public static class DirectoryRoles
{
    public static readonly IReadOnlySet<DirectoryRole> Case = new HashSet<DirectoryRole>
    {
        DirectoryRole.Chair,
        DirectoryRole.Coordinator,
        DirectoryRole.Referent,
        DirectoryRole.PoliceReferent,
        DirectoryRole.Secretary,
    };

    /// <summary>A role that opens case content: granted and withdrawn by the Chair only, never held with Admin.</summary>
    public static bool OpensCaseContent(DirectoryRole role) => Case.Contains(role);
}
