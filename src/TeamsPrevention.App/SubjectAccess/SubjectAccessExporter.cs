using System.Globalization;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Meetings;
using TeamsPrevention.App.Secrecy;
using TeamsPrevention.App.Situations;

namespace TeamsPrevention.App.SubjectAccess;

/// <summary>
/// Builds the DPO's subject-access exports (GDPR art. 15) through each feature's own reads, and audits each export
/// (<c>Export</c>, with what it holds) before it is answered, so a failure to audit refuses the export.
/// </summary>
public sealed class SubjectAccessExporter(
    DirectoryService directory,
    SituationService situations,
    SituationPersonRecords situationRecords,
    AlertPersonRecords alertRecords,
    SecrecyPersonRecords secrecyRecords,
    MeetingPersonRecords meetingRecords,
    AuditAccessReports reports,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>Null when no directory person has that id.</summary>
    public async Task<PersonSubjectAccess?> ForPersonAsync(DirectoryPerson dpo, Guid personId, CancellationToken cancellationToken)
    {
        if (await directory.GetPersonAsync(personId, cancellationToken) is not { } person)
        {
            return null;
        }

        var language = Languages.FromTag(dpo.PreferredLanguage);
        var organisation = await directory.GetOrganisationAsync(person.OrganisationId, cancellationToken);
        var deputyships = (await directory.GetDeputyshipsAsync(null, cancellationToken)).Where(d => d.PersonId == person.Id || d.DeputyId == person.Id).ToList();
        var commitments = await secrecyRecords.ForPersonAsync(person.EntraObjectId, cancellationToken);
        var lists = await situationRecords.ForPersonAsync(person.Id, cancellationToken);
        var alerts = await alertRecords.ForPersonAsync(person.Id, cancellationToken);
        var meetings = await meetingRecords.ForPersonAsync(person.Id, cancellationToken);
        var trail = await reports.ForPersonAsync(person.EntraObjectId, null, null, cancellationToken);

        var held =
            Invariant($"subject-access export (person): directory record, roles {person.Roles.Count}, deputyships {deputyships.Count}, commitments {commitments.Count}, ") +
            Invariant($"lists {lists.NeedToKnowLists.Count}, signals {lists.SignalsRecorded.Count}, alerts {alerts.Sent.Count + alerts.Received.Count}, meetings {meetings.Count}, audit {trail.TotalEntries}");
        await audit.RecordAsync(
            new AuditRecord(dpo.EntraObjectId.ToString(), nameof(DirectoryRole.Dpo), AuditAction.Export, null, "Person", person.Id.ToString(), held), cancellationToken);
        return new PersonSubjectAccess(
            "person", time.GetUtcNow(), dpo.EntraObjectId.ToString(), SubjectAccessTexts.PersonNotice(language),
            person, organisation, deputyships, commitments, lists, alerts, meetings, trail);
    }

    /// <summary>The export for a situation's subject; 404/403 (audited) come from <see cref="SituationService.SubjectAccessAsync"/>.</summary>
    public async Task<SituationSubjectAccess> ForSituationAsync(DirectoryPerson dpo, string code, CancellationToken cancellationToken)
    {
        var language = Languages.FromTag(dpo.PreferredLanguage);
        var record = await situations.SubjectAccessAsync(dpo, code, cancellationToken);
        var detail = record.Detail;
        var organisations = (await directory.GetOrganisationsAsync(cancellationToken)).ToDictionary(o => o.Id);
        var recipients = new List<SubjectRecipient>();
        foreach (var entry in detail.NeedToKnow ?? [])
        {
            var person = await directory.GetPersonAsync(entry.PersonId, cancellationToken);
            var organisation = person is not null && organisations.TryGetValue(person.OrganisationId, out var o) ? o : null;
            recipients.Add(new SubjectRecipient(
                organisation?.Name ?? "—", organisation?.Kind ?? OrganisationKind.Other, person?.Roles ?? [], entry.GrantedAt, entry.ExpiresAt, entry.BreakGlass));
        }

        var trail = await reports.ForSituationAsync(detail.Summary.Code, null, null, cancellationToken);
        var identity = detail.Identity ?? [];
        var held =
            Invariant($"subject-access export (situation): identity fields {identity.Count}, signal, indicators {detail.Indicators?.Count ?? 0}, actions {detail.Actions?.Count ?? 0}, ") +
            Invariant($"reviews {detail.Reviews?.Count ?? 0}, recipients {recipients.Count}, audit {trail.TotalEntries}");
        await audit.RecordAsync(
            new AuditRecord(dpo.EntraObjectId.ToString(), nameof(DirectoryRole.Dpo), AuditAction.Export, detail.Summary.Code, "SubjectAccess", detail.Summary.Code, held),
            cancellationToken);
        return new SituationSubjectAccess(
            "situation", time.GetUtcNow(), dpo.EntraObjectId.ToString(), SubjectAccessTexts.SituationNotice(language), detail.Summary.Code,
            identity, record with { Detail = detail with { Identity = null } },
            detail.SourceOrganisationId is { } source && organisations.TryGetValue(source, out var s) ? s.Name : null,
            recipients, trail.Lines, SubjectAccessTexts.SituationLeftOut(language));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
