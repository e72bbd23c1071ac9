using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Meetings;
using TeamsPrevention.App.Secrecy;
using TeamsPrevention.App.Situations;

namespace TeamsPrevention.App.SubjectAccess;

/// <summary>The export for a person of the directory (a professional of the cell or a partner).</summary>
public sealed record PersonSubjectAccess(
    string Kind,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    string Notice,
    DirectoryPerson Person,
    DirectoryOrganisation? Organisation,
    IReadOnlyList<DirectoryDeputyship> Deputyships,
    IReadOnlyList<SecrecyCommitmentRecord> SecrecyCommitments,
    SituationPersonRecord Situations,
    AlertPersonRecord Alerts,
    IReadOnlyList<PersonMeetingRecord> Meetings,
    AccessReport Audit);

/// <summary>
/// The export for the person a situation is about: the sealed fields opened, the case's content, who had access
/// (organisations and roles), the retention, and what is left out and why.
/// </summary>
public sealed record SituationSubjectAccess(
    string Kind,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    string Notice,
    string Code,
    IReadOnlyList<IdentityFieldView> Identity,
    SituationSubjectRecord Situation,
    string? SourceOrganisation,
    IReadOnlyList<SubjectRecipient> Recipients,
    IReadOnlyList<AccessReportLine> AccessSummary,
    IReadOnlyList<string> LeftOut);

/// <summary>Who had the situation on their list (art. 15(1)(c), recipients): their organisation and roles, not their name.</summary>
public sealed record SubjectRecipient(string Organisation, OrganisationKind OrganisationKind, IReadOnlyList<DirectoryRole> Roles, DateTimeOffset GrantedAt, DateTimeOffset? ExpiresAt, bool BreakGlass);
