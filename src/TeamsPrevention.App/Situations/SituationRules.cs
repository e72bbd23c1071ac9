using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Who may take each step, and from which states. A step also needs content access to the situation (need-to-know
/// list, or the Chair), except reporting (no situation yet) and break-glass (which is how one gets access).
/// </summary>
public static class SituationRules
{
    private static readonly DirectoryRole[] CellWorkers = [DirectoryRole.Coordinator, DirectoryRole.Referent, DirectoryRole.PoliceReferent, DirectoryRole.Secretary];

    public static IReadOnlyList<DirectoryRole> RolesFor(SituationStep step) => step switch
    {
        SituationStep.Report => [DirectoryRole.Chair, DirectoryRole.Coordinator, DirectoryRole.Referent, DirectoryRole.PoliceReferent, DirectoryRole.Partner],
        SituationStep.StartScreening => [DirectoryRole.Referent],
        SituationStep.Include or SituationStep.Decline or SituationStep.Close => [DirectoryRole.Chair],
        SituationStep.PlanAction => [DirectoryRole.Referent, DirectoryRole.Coordinator],
        SituationStep.UpdateAction => [DirectoryRole.Referent, DirectoryRole.Coordinator, DirectoryRole.Partner],
        SituationStep.Review => [DirectoryRole.Referent],
        SituationStep.EditNeedToKnow => [DirectoryRole.Referent, DirectoryRole.Chair],
        SituationStep.EditIdentity => [DirectoryRole.Referent],
        SituationStep.RevealIdentity => [DirectoryRole.Chair, .. CellWorkers, DirectoryRole.Partner],
        SituationStep.RequestChannel => [DirectoryRole.Referent, DirectoryRole.Chair],
        SituationStep.BreakGlass => CellWorkers,
        _ => [],
    };

    public static IReadOnlyList<SituationStatus> StatesFor(SituationStep step) => step switch
    {
        SituationStep.StartScreening => [SituationStatus.Signalled],
        SituationStep.Include => [SituationStatus.Screening],
        SituationStep.Decline => [SituationStatus.Signalled, SituationStatus.Screening],
        SituationStep.PlanAction or SituationStep.UpdateAction or SituationStep.Close or SituationStep.RequestChannel => [SituationStatus.Included],
        SituationStep.Review => [SituationStatus.Included, SituationStatus.Closed],
        _ => Enum.GetValues<SituationStatus>(),
    };

    public static bool RoleMay(SituationStep step, DirectoryPerson person) => RolesFor(step).Any(person.HasRole);

    /// <summary>Admin and DPO see metadata only, never content, whatever list they are on.</summary>
    public static bool IsMetadataOnly(DirectoryPerson person) =>
        person.Roles.Count > 0 && person.Roles.All(r => r is DirectoryRole.Admin or DirectoryRole.Dpo);

    /// <summary>
    /// The situations <paramref name="person"/> may know, as a query (Chair, Admin and DPO: all; others: the lists they
    /// are validly on). The database's first cut for the tab's list and the message extension's search; each row is then
    /// checked with <see cref="AccessOf"/>.
    /// </summary>
    public static IQueryable<Situation> WhereMayKnow(IQueryable<Situation> situations, DirectoryPerson person, DateTimeOffset now) =>
        person.HasRole(DirectoryRole.Chair) || IsMetadataOnly(person) || person.HasRole(DirectoryRole.Admin) || person.HasRole(DirectoryRole.Dpo)
            ? situations
            : situations.Where(s => s.NeedToKnow.Any(n => n.PersonId == person.Id && (n.ExpiresAt == null || n.ExpiresAt > now)));

    public static AccessLevel AccessOf(Situation situation, DirectoryPerson person, DateTimeOffset now)
    {
        if (IsMetadataOnly(person))
        {
            return AccessLevel.Metadata;
        }

        if (person.HasRole(DirectoryRole.Chair) || situation.NeedToKnow.Any(n => n.PersonId == person.Id && n.IsValidAt(now)))
        {
            return AccessLevel.Content;
        }

        return person.HasRole(DirectoryRole.Admin) || person.HasRole(DirectoryRole.Dpo) ? AccessLevel.Metadata : AccessLevel.None;
    }
}
