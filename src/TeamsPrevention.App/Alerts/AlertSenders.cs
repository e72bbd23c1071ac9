using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Alerts;

/// <summary>Who may send alerts: the cell (Chair, Coordinator, referents, secretary) and partners; not the DPO or IT alone.</summary>
public static class AlertSenders
{
    public const string Policy = "alerts:send";

    public static IReadOnlyList<DirectoryRole> Roles { get; } =
        [DirectoryRole.Chair, DirectoryRole.Coordinator, DirectoryRole.Referent, DirectoryRole.PoliceReferent, DirectoryRole.Secretary, DirectoryRole.Partner];

    public static bool MaySend(DirectoryPerson person) => person.Active && person.Roles.Any(Roles.Contains);
}
