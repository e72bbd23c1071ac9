using TeamsPrevention.App.Directory;
using static TeamsPrevention.App.Directory.DirectoryRole;
using static TeamsPrevention.Tests.Security.AccessCells;

namespace TeamsPrevention.Tests.Security;

/// <summary>A request of the matrix: method, path and JSON body, built from the world's objects.</summary>
public sealed record Probe(HttpMethod Method, string Path, object? Body = null);

/// <summary>A read that someone who may see the object does see (its marker in the body): proves the object is there.</summary>
public sealed record Control(DirectoryRole Role, Func<AuthorizationWorld, string> Marker);

/// <summary>
/// One operation of the API document, the request on the world's object, and what each role gets; a person unknown to
/// the directory is refused 403 unless <paramref name="Stranger"/> says otherwise.
/// </summary>
public sealed record MatrixEntry(string Operation, Func<AuthorizationWorld, Probe> Request, AccessCells Roles, Control? Control = null, AccessCell? Stranger = null);

/// <summary>
/// The authorisation matrix: every operation of the OpenAPI document × every directory role, on an object of
/// <see cref="AuthorizationWorld"/> that role may not see (or the reason it may). A signed-in person unknown to the
/// directory is refused (403) on every operation besides. An operation the document has and this table has not fails
/// the suite, naming it.
/// </summary>
public static class AuthorizationMatrix
{
    private const string Member = "every member reads it (no case content)";
    private const string Own = "answers with the caller's own data only";
    private const string SeesAll = "the Chair sees every situation";
    private const string OnList = "on the situation's list";
    private const string Sender = "sent the alert";
    private const string Follows = "the Chair follows every alert and sees every situation";
    private const string Coordination = "the coordination schedules and runs every meeting";
    private const string Attends = "invited to the meeting";
    private const string Present = "present for the item and on the situation's list";
    private const string Step = "the step is theirs and they see the situation (the state may still refuse it)";
    private const string BreakGlass = "break-glass is how a cell member gets out-of-scope access (written reason, audited, Chair and DPO notified)";
    private const string ResourceEditor = "a coordinator or an admin edits any organisation's resources";
    private const string Admins = "IT administration: organisations and deputyships";
    private const string ChairGrants = "the Chair grants the roles that open case content";
    private const string DpoReads = "the DPO reads the audit log (no case content)";
    private const string StatisticsReaders = "aggregated, small counts suppressed: Chair, coordinator, DPO";
    private const string Senders = "may send alerts";
    private const string SubjectAccess = "the DPO answers a person's access request (GDPR art. 15), audited as an export";

    /// <summary>The tab's own routes answer from the token alone (who am I, my own calendar), before the directory is asked.</summary>
    private static readonly AccessCell TokenOnly = new(AccessKind.Allowed, Reason: "answers from the caller's own token (its claims, their own calendar), directory or not");

    private static readonly DirectoryRole[] Cell = [Coordinator, PoliceReferent, Partner, Secretary];

    private static Probe Get(string path) => new(HttpMethod.Get, path);

    private static Probe Post(string path, object? body = null) => new(HttpMethod.Post, path, body ?? new { });

    private static Probe Put(string path, object body) => new(HttpMethod.Put, path, body);

    private static Probe Delete(string path) => new(HttpMethod.Delete, path);

    private static string S(AuthorizationWorld w) => $"/api/situations/{w.Code}";

    private static string M(AuthorizationWorld w) => $"/api/meetings/{w.MeetingId}";

    private static string I(AuthorizationWorld w) => $"/api/meetings/{w.MeetingId}/agenda/{w.ItemId}";

    private static string A(AuthorizationWorld w) => $"/api/alerts/{w.AlertId}";

    /// <summary>A situation step on the referent's situation: the step's roles aside, off the list is 404, metadata-only is 403.</summary>
    private static AccessCells SituationStep(AccessCells mayTakeIt, params DirectoryRole[] roleRefused) =>
        mayTakeIt + Refused(403, roleRefused) + Refused(403, Dpo, Admin)
        + Refused(404, [.. Cell.Where(r => !mayTakeIt.Cells.ContainsKey(r) && !roleRefused.Contains(r))]);

    private static readonly object NewSignal = new { text = "Un signal" };

    public static IReadOnlyList<MatrixEntry> Entries { get; } =
    [
        // Directory: read by every member; changed by the Admin, case roles by the Chair, never one's own.
        new("GET /api/directory/me", _ => Get("/api/directory/me"), Allowed(Own, Enum.GetValues<DirectoryRole>())),
        new("GET /api/directory/roles", _ => Get("/api/directory/roles"), Allowed(Member, Enum.GetValues<DirectoryRole>())),
        new("GET /api/directory/organisations", _ => Get("/api/directory/organisations"), Allowed(Member, Enum.GetValues<DirectoryRole>())),
        new("POST /api/directory/organisations", _ => Post("/api/directory/organisations", new { key = "mqzorg", name = "Organisation essai", kind = "Other" }),
            Allowed(Admins, Admin) + Refused(403, Chair, Coordinator, Referent, PoliceReferent, Partner, Secretary, Dpo)),
        new("GET /api/directory/organisations/{id}", w => Get($"/api/directory/organisations/{w.CpasId}"), Allowed(Member, Enum.GetValues<DirectoryRole>())),
        new("PUT /api/directory/organisations/{id}", w => Put($"/api/directory/organisations/{w.CpasId}", new { key = "cpas", name = "CPAS renommé", kind = "SocialWelfare" }),
            Allowed(Admins, Admin) + Refused(403, Chair, Coordinator, Referent, PoliceReferent, Partner, Secretary, Dpo)),
        new("GET /api/directory/organisations/{id}/contacts", w => Get($"/api/directory/organisations/{w.CpasId}/contacts"), Allowed(Member, Enum.GetValues<DirectoryRole>())),
        new("GET /api/directory/people", _ => Get("/api/directory/people"), Allowed(Member, Enum.GetValues<DirectoryRole>())),
        new("POST /api/directory/people", w => Post("/api/directory/people", new
            {
                entraObjectId = Guid.Parse("a1b2c3d4-7777-4000-8000-000000000777"),
                displayName = "Personne Essai",
                email = "essai@namur-demo.example",
                preferredLanguage = "fr",
                organisationId = w.CellId,
                roles = new[] { "Referent" },
                active = true,
            }),
            Allowed(ChairGrants, Chair) + Refused(403, Admin, Coordinator, Referent, PoliceReferent, Partner, Secretary, Dpo)),
        new("GET /api/directory/people/{id}", w => Get($"/api/directory/people/{w.PartnerId}"), Allowed(Member, Enum.GetValues<DirectoryRole>())),

        // The Chair's own record, her roles widened: not by herself, not by the Admin (a case role), not by anyone else.
        new("PUT /api/directory/people/{id}", w => Put($"/api/directory/people/{w.ChairId}", new
            {
                entraObjectId = Guid.Parse(AuthorizationWorld.OidOf(Chair)),
                displayName = "Claire Dubois",
                email = "claire.dubois@namur-demo.example",
                preferredLanguage = "fr",
                organisationId = w.CellId,
                roles = new[] { "Chair", "Referent" },
                active = true,
            }),
            Refused(403, Enum.GetValues<DirectoryRole>())),
        new("GET /api/directory/deputies", _ => Get("/api/directory/deputies"), Allowed(Member, Enum.GetValues<DirectoryRole>())),
        new("POST /api/directory/deputies", w => Post("/api/directory/deputies", new { personId = w.PartnerId, deputyId = w.ReferentId }),
            Allowed(Admins, Admin) + Refused(403, Chair, Coordinator, Referent, PoliceReferent, Partner, Secretary, Dpo)),
        new("DELETE /api/directory/deputies/{id}", w => Delete($"/api/directory/deputies/{w.DeputyshipId}"),
            Allowed(Admins, Admin) + Refused(403, Chair, Coordinator, Referent, PoliceReferent, Partner, Secretary, Dpo)),

        // Audit: the DPO only.
        new("GET /api/audit", _ => Get("/api/audit"), Allowed(DpoReads, Dpo) + Refused(403, Chair, Coordinator, Referent, PoliceReferent, Partner, Secretary, Admin)),
        new("GET /api/audit/verification", _ => Get("/api/audit/verification"), Allowed(DpoReads, Dpo) + Refused(403, Chair, Coordinator, Referent, PoliceReferent, Partner, Secretary, Admin)),
        new("POST /api/audit/checkpoints", _ => Post("/api/audit/checkpoints"), Allowed(DpoReads, Dpo) + Refused(403, Chair, Coordinator, Referent, PoliceReferent, Partner, Secretary, Admin)),
        new("GET /api/audit/access-report", w => Get($"/api/audit/access-report?situation={w.Code}"),
            Allowed(DpoReads, Dpo) + Refused(403, Chair, Coordinator, Referent, PoliceReferent, Partner, Secretary, Admin)),
        new("GET /api/audit/anomalies", _ => Get("/api/audit/anomalies"), Allowed(DpoReads, Dpo) + Refused(403, Chair, Coordinator, Referent, PoliceReferent, Partner, Secretary, Admin)),

        // The tab's own: the caller's identity and calendar.
        new("GET /api/me", _ => Get("/api/me"), Allowed(Own, Enum.GetValues<DirectoryRole>()), Stranger: TokenOnly),
        new("GET /api/me/calendar/busy", _ => Get("/api/me/calendar/busy"), Allowed(Own, Enum.GetValues<DirectoryRole>()), Stranger: TokenOnly),

        // Situations: the referent's situation (on nobody else's list).
        new("GET /api/situations", _ => Get("/api/situations"),
            Allowed(SeesAll, Chair) + Allowed(OnList, Referent) + MetadataOnly(Dpo, Admin) + Absent(Cell),
            new(Referent, w => w.Code)),
        new("POST /api/situations", _ => Post("/api/situations", NewSignal),
            Allowed("reports a signal (no situation yet)", Chair, Coordinator, Referent, PoliceReferent, Partner) + Refused(403, Secretary, Dpo, Admin)),
        new("GET /api/situations/indicators", _ => Get("/api/situations/indicators"), Allowed("the city's checklist of indicators", Enum.GetValues<DirectoryRole>())),
        new("GET /api/situations/{code}", w => Get(S(w)),
            Allowed(SeesAll, Chair) + Allowed(OnList, Referent) + MetadataOnly(Dpo, Admin) + Refused(404, Cell),
            new(Referent, _ => "mqzsignalmqz")),
        new("POST /api/situations/{code}/screening", w => Post($"{S(w)}/screening"), SituationStep(Allowed(Step, Referent), Chair)),
        new("POST /api/situations/{code}/inclusion", w => Post($"{S(w)}/inclusion"), SituationStep(Allowed(Step, Chair), Referent)),
        new("POST /api/situations/{code}/decline", w => Post($"{S(w)}/decline", new { referredTo = "CPAS" }), SituationStep(Allowed(Step, Chair), Referent)),
        new("POST /api/situations/{code}/actions", w => Post($"{S(w)}/actions", new { description = "Une action", ownerOrganisationId = w.CpasId, dueDate = "2030-01-01" }),
            SituationStep(Allowed(Step, Referent), Chair)),
        new("PUT /api/situations/{code}/actions/{actionId}", w => Put($"{S(w)}/actions/{w.ActionId}", new { status = "Done" }),
            SituationStep(Allowed(Step, Referent), Chair)),
        new("POST /api/situations/{code}/reviews", w => Post($"{S(w)}/reviews", new { notes = "Revue" }), SituationStep(Allowed(Step, Referent), Chair)),
        new("POST /api/situations/{code}/closure", w => Post($"{S(w)}/closure", new { reason = "Fin du suivi" }), SituationStep(Allowed(Step, Chair), Referent)),
        new("POST /api/situations/{code}/channel", w => Post($"{S(w)}/channel"), SituationStep(Allowed(Step, Chair, Referent))),
        new("POST /api/situations/{code}/need-to-know", w => Post($"{S(w)}/need-to-know", new { personId = w.PartnerId }), SituationStep(Allowed(Step, Chair, Referent))),
        new("DELETE /api/situations/{code}/need-to-know/{personId}", w => Delete($"{S(w)}/need-to-know/{w.ReferentId}"), SituationStep(Allowed(Step, Chair, Referent))),
        new("POST /api/situations/{code}/break-glass", w => Post($"{S(w)}/break-glass", new { reason = "Urgence de coordination" }),
            Allowed(BreakGlass, Coordinator, Referent, PoliceReferent, Secretary) + Refused(403, Chair, Partner, Dpo, Admin)),
        new("PUT /api/situations/{code}/identity", w => Put($"{S(w)}/identity", new Dictionary<string, string?> { ["firstName"] = "Autre" }),
            SituationStep(Allowed(Step, Referent), Chair)),
        new("POST /api/situations/{code}/identity/reveal", w => Post($"{S(w)}/identity/reveal", new { reason = "Besoin de contacter la famille" }),
            SituationStep(Allowed(Step, Chair, Referent))),

        // Alerts: the referent's alert about the situation, to one CPAS partner (not the partner persona probed here).
        // To the situation's list: refused as "no such list" (400, as for a code that does not exist), audited.
        new("POST /api/alerts", w => Post("/api/alerts", new { severity = "Info", category = "Information", message = "Une alerte", situationCode = w.Code, needToKnow = true }),
            Allowed("on the situation's list (or the Chair) and may send alerts", Chair, Referent)
            + Refused(400, Coordinator, PoliceReferent, Partner, Secretary) + Refused(403, Dpo, Admin)),
        new("GET /api/alerts", _ => Get("/api/alerts"),
            Allowed(Follows, Chair) + Allowed(Sender, Referent) + Hidden(Coordinator) + Absent(PoliceReferent, Partner, Secretary, Dpo, Admin),
            new(Chair, _ => "mqzalertmqz")),
        new("GET /api/alerts/pending", _ => Get("/api/alerts/pending"), Absent(Enum.GetValues<DirectoryRole>())),
        new("GET /api/alerts/{id}", w => Get(A(w)),
            Allowed(Follows, Chair) + Allowed(Sender, Referent) + Hidden(Coordinator) + Refused(404, PoliceReferent, Partner, Secretary, Dpo, Admin),
            new(Referent, _ => "mqzalertmqz")),
        new("GET /api/alerts/{id}/export", w => Get($"{A(w)}/export"),
            Allowed(Follows, Chair) + Allowed(Sender, Referent) + Hidden(Coordinator) + Refused(404, PoliceReferent, Partner, Secretary, Dpo, Admin),
            new(Referent, w => w.AlertRecipientName)),
        new("POST /api/alerts/{id}/answer", w => Post($"{A(w)}/answer", new { answer = "Acknowledged" }), Refused(404, Enum.GetValues<DirectoryRole>())),
        new("POST /api/alerts/{id}/withdraw", w => Post($"{A(w)}/withdraw"),
            Allowed(Sender, Referent) + Allowed("the Chair and the coordinators follow and withdraw every alert", Chair, Coordinator)
            + Refused(404, PoliceReferent, Partner, Secretary, Dpo, Admin)),
        new("GET /api/alerts/deadline-preview", _ => Get("/api/alerts/deadline-preview?severity=Info"),
            Allowed(Senders, Chair, Coordinator, Referent, PoliceReferent, Partner, Secretary) + Refused(403, Dpo, Admin)),
        new("GET /api/alerts/received", _ => Get("/api/alerts/received"), Absent(Enum.GetValues<DirectoryRole>())),

        // Meetings: the coordinator's case meeting with the Chair and the referent; the situation is its one item.
        new("GET /api/meetings", _ => Get("/api/meetings"),
            Allowed(Coordination, Chair, Coordinator) + Allowed(Attends, Referent) + Absent(PoliceReferent, Partner, Secretary, Dpo, Admin),
            new(Referent, w => w.MeetingId.ToString())),
        new("POST /api/meetings", _ => Post("/api/meetings", new { kind = "Platform", startAt = "2030-11-30T09:00:00Z", endAt = "2030-11-30T11:00:00Z" }),
            Allowed(Coordination, Chair, Coordinator) + Refused(403, Referent, PoliceReferent, Partner, Secretary, Dpo, Admin)),
        new("GET /api/meetings/{id}", w => Get(M(w)),
            Allowed(Coordination, Chair, Coordinator) + Allowed(Attends, Referent) + Refused(404, PoliceReferent, Partner, Secretary, Dpo, Admin)),
        new("PUT /api/meetings/{id}", w => Put(M(w), new { kind = "Case", startAt = "2030-11-30T09:00:00Z", endAt = "2030-11-30T11:00:00Z" }),
            Allowed(Coordination, Chair, Coordinator) + Refused(403, Referent, PoliceReferent, Partner, Secretary, Dpo, Admin)),
        new("DELETE /api/meetings/{id}", w => Delete(M(w)),
            Allowed(Coordination, Chair, Coordinator) + Refused(403, Referent, PoliceReferent, Partner, Secretary, Dpo, Admin)),
        new("POST /api/meetings/{id}/retry", w => Post($"{M(w)}/retry"),
            Allowed(Coordination, Chair, Coordinator) + Refused(403, Referent, PoliceReferent, Partner, Secretary, Dpo, Admin)),
        new("GET /api/meetings/{id}/responses", w => Get($"{M(w)}/responses"),
            Allowed(Coordination, Chair, Coordinator) + Refused(403, Referent, PoliceReferent, Partner, Secretary, Dpo, Admin)),
        new("GET /api/meetings/{id}/agenda", w => Get($"{M(w)}/agenda"),
            Allowed(SeesAll, Chair) + Allowed(OnList, Referent) + Hidden(Coordinator) + Refused(404, PoliceReferent, Partner, Secretary, Dpo, Admin),
            new(Chair, w => w.Code)),
        new("POST /api/meetings/{id}/agenda", w => Post($"{M(w)}/agenda", new { code = w.Code }),
            Allowed(SeesAll, Chair) + Allowed(OnList, Referent) + Refused(404, Coordinator) + Refused(403, PoliceReferent, Partner, Secretary, Dpo, Admin)),
        new("GET /api/meetings/{id}/agenda/proposal", w => Get($"{M(w)}/agenda/proposal"),
            Allowed(Coordination, Chair, Coordinator) + Allowed(Attends, Referent) + Refused(403, PoliceReferent, Partner, Secretary, Dpo, Admin)),
        new("POST /api/meetings/{id}/agenda/proposal", w => Post($"{M(w)}/agenda/proposal"),
            Allowed(Coordination, Chair, Coordinator) + Allowed(Attends, Referent) + Refused(403, PoliceReferent, Partner, Secretary, Dpo, Admin)),
        new("PUT /api/meetings/{id}/agenda/{itemId}/attendance", w => Put($"{I(w)}/attendance", new { present = new[] { w.ChairId } }),
            Allowed(SeesAll, Chair) + Refused(404, Coordinator, Secretary) + Refused(403, Referent, PoliceReferent, Partner, Dpo, Admin)),
        new("PUT /api/meetings/{id}/agenda/{itemId}/minutes", w => Put($"{I(w)}/minutes", new { decision = "Autre décision", consensus = true }),
            Allowed(Present, Chair) + Refused(404, Coordinator, Secretary) + Refused(403, Referent, PoliceReferent, Partner, Dpo, Admin)),
        new("GET /api/meetings/{id}/agenda/{itemId}/minutes", w => Get($"{I(w)}/minutes"),
            Allowed(Present, Chair, Referent) + Refused(403, Coordinator) + Refused(404, PoliceReferent, Partner, Secretary, Dpo, Admin),
            new(Referent, _ => "mqzdecisionmqz")),
        new("POST /api/meetings/{id}/secrecy", w => Post($"{M(w)}/secrecy"),
            Allowed(Attends, Chair, Coordinator, Referent) + Refused(404, PoliceReferent, Partner, Secretary, Dpo, Admin)),
        new("GET /api/meetings/{id}/agenda/{itemId}/police-feedback", w => Get($"{I(w)}/police-feedback"),
            Allowed(Present, Chair) + Refused(403, Coordinator, Referent) + Refused(404, PoliceReferent, Partner, Secretary, Dpo, Admin),
            new(Chair, _ => "mqzfeedbackmqz")),
        new("PUT /api/meetings/{id}/agenda/{itemId}/police-feedback", w => Put($"{I(w)}/police-feedback", new { text = "Autre retour", nothingUnderSecrecy = true, version = 1 }),
            Allowed(Present, Chair) + Refused(403, Coordinator, Referent) + Refused(404, PoliceReferent, Partner, Secretary, Dpo, Admin)),
        new("GET /api/meetings/{id}/minutes/export", w => Get($"{M(w)}/minutes/export"),
            Allowed(Present, Chair, Referent) + Refused(403, Coordinator) + Refused(404, PoliceReferent, Partner, Secretary, Dpo, Admin),
            new(Chair, _ => "mqzdecisionmqz")),
        new("GET /api/meetings/{id}/notices", w => Get($"{M(w)}/notices"),
            Allowed(Coordination, Chair, Coordinator) + Refused(403, Referent, PoliceReferent, Partner, Secretary, Dpo, Admin)),

        // Subject-access exports (GDPR art. 15): the DPO only.
        new("GET /api/subject-access/people/{id}", w => Get($"/api/subject-access/people/{w.PartnerId}"),
            Allowed(SubjectAccess, Dpo) + Refused(403, Chair, Coordinator, Referent, PoliceReferent, Partner, Secretary, Admin)),
        new("GET /api/subject-access/situations/{code}", w => Get($"/api/subject-access/situations/{w.Code}"),
            Allowed(SubjectAccess, Dpo) + Refused(403, Chair, Coordinator, Referent, PoliceReferent, Partner, Secretary, Admin)),

        // Statistics.
        new("GET /api/statistics", _ => Get("/api/statistics"),
            Allowed(StatisticsReaders, Chair, Coordinator, Dpo) + Refused(403, Referent, PoliceReferent, Partner, Secretary, Admin)),

        // Resources: read by every member; the CPAS's resource is changed by the CPAS, a coordinator or an admin.
        new("GET /api/resources", _ => Get("/api/resources"), Allowed(Member, Enum.GetValues<DirectoryRole>())),
        new("POST /api/resources", w => Post("/api/resources", new { kind = "Project", title = "Pour le CPAS", summary = "Au nom d'un autre.", language = "fr", organisationId = w.CpasId }),
            Allowed(ResourceEditor, Coordinator, Admin) + Refused(403, Chair, Referent, PoliceReferent, Partner, Secretary, Dpo)),
        new("GET /api/resources/tags", _ => Get("/api/resources/tags"), Allowed(Member, Enum.GetValues<DirectoryRole>())),
        new("GET /api/resources/{id}", w => Get($"/api/resources/{w.ResourceId}"), Allowed(Member, Enum.GetValues<DirectoryRole>())),
        new("PUT /api/resources/{id}", w => Put($"/api/resources/{w.ResourceId}", new { kind = "Project", title = "Réécrit", summary = "Réécrit.", language = "fr" }),
            Allowed(ResourceEditor, Coordinator, Admin) + Refused(403, Chair, Referent, PoliceReferent, Partner, Secretary, Dpo)),
        new("DELETE /api/resources/{id}", w => Delete($"/api/resources/{w.ResourceId}"),
            Allowed(ResourceEditor, Coordinator, Admin) + Refused(403, Chair, Referent, PoliceReferent, Partner, Secretary, Dpo)),
    ];
}
