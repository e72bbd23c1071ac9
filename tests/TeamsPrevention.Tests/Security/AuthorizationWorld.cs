using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Meetings;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Security;

/// <summary>
/// One App (SQLite, demo directory) holding, built through the API, one object of each kind that most people may not
/// see, each carrying marker strings that must never reach anyone refused: a situation on the referent's list only
/// (signal text, indicator evidence, sealed identity, an action, a review); an alert about it sent by the referent to
/// one partner of the CPAS; a case meeting of the coordinator with the Chair and the referent, the situation on its
/// agenda, the Chair and the referent present, minutes and a police feedback written by the Chair; a CPAS resource; a
/// deputyship. Shared by the whole matrix (built once: the suite stays fast).
/// </summary>
public sealed class AuthorizationWorld : IAsyncLifetime
{
    /// <summary>A signed-in person the directory does not know (a tenant member who is no one in the cell).</summary>
    public static readonly string Stranger = "a1b2c3d4-9999-4000-8000-00000000dead";

    private SituationsHarness? _harness;

    internal SituationsHarness H => _harness ?? throw new InvalidOperationException("The world is not built.");

    public string Code { get; private set; } = "";

    public Guid ActionId { get; private set; }

    public Guid AlertId { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid ItemId { get; private set; }

    public Guid ResourceId { get; private set; }

    public Guid DeputyshipId { get; private set; }

    public Guid ChairId { get; private set; }

    public Guid ReferentId { get; private set; }

    public Guid PartnerId { get; private set; }

    public Guid CellId { get; private set; }

    public Guid SchoolId { get; private set; }

    public Guid CpasId { get; private set; }

    /// <summary>The case content: none of these may be in the answer to anyone refused (or shown metadata only).</summary>
    public IReadOnlyList<string> ContentMarkers { get; } =
    [
        "mqzsignalmqz", "mqzevidencemqz", "Mqzsealedmqz", "mqzactionmqz", "mqzreviewmqz", "mqzalertmqz", "mqzdecisionmqz", "mqzfeedbackmqz",
    ];

    /// <summary>The one recipient of the alert (a CPAS partner), as the alert's tracking names them.</summary>
    public string AlertRecipientName => DemoTenant.Personas.First(p => p.Role == "Partner" && p.OrganisationKey == "cpas").DisplayName;

    public static string OidOf(DirectoryRole role) => DemoTenant.Personas.First(p => p.Role == role.ToString()).ObjectId;

    public async Task InitializeAsync()
    {
        _harness = await MeetingHarness.StartAsync(null, settings: new Dictionary<string, string?>
        {
            ["Alerts:Delivery:Enabled"] = "false",
            ["Audit:Checkpoints:Interval"] = "1.00:00:00",
        });
        var h = _harness;
        var referent = OidOf(DirectoryRole.Referent);
        var chair = OidOf(DirectoryRole.Chair);
        ChairId = await h.PersonIdAsync(chair);
        ReferentId = await h.PersonIdAsync(referent);
        PartnerId = await h.PersonIdAsync(OidOf(DirectoryRole.Partner));
        CellId = await h.OrganisationIdAsync("cell");
        SchoolId = await h.OrganisationIdAsync("school");
        CpasId = await h.OrganisationIdAsync("cpas");
        var cpasPartner = DemoTenant.Personas.First(p => p.Role == "Partner" && p.OrganisationKey == "cpas").ObjectId;

        // The situation: the referent's list only (the Chair sees every situation).
        Code = await h.ReportAsync(referent, new
        {
            text = "Signal mqzsignalmqz",
            indicators = new[] { new { key = "threats", evidence = "Vu mqzevidencemqz" } },
            identity = new { lastName = "Mqzsealedmqz" },
        });
        await SituationLifecycleTests.BringToAsync(h, Code, "Included");
        var action = await JsonAsync(await h.PostAsync(referent, $"/api/situations/{Code}/actions",
            new { description = "Accompagnement mqzactionmqz", ownerOrganisationId = CpasId, dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)) }));
        ActionId = action["actions"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).Single();
        await JsonAsync(await h.PostAsync(referent, $"/api/situations/{Code}/reviews", new { notes = "Revue mqzreviewmqz", nextReviewAt = DateTimeOffset.UtcNow.AddDays(30) }));

        // The alert: sent by the referent about the situation to one CPAS partner.
        var alert = await JsonAsync(await h.PostAsync(referent, "/api/alerts", new
        {
            severity = "Info",
            category = "Information",
            message = "Alerte mqzalertmqz",
            situationCode = Code,
            people = new[] { await h.PersonIdAsync(cpasPartner) },
        }));
        AlertId = alert["id"]!.GetValue<Guid>();

        // The meeting: the coordinator's, with the Chair and the referent; the situation on its agenda.
        var meeting = await MeetingSteps.ScheduleAsync(h, "Case", DateTimeOffset.UtcNow.AddDays(100), chair, referent);
        MeetingId = meeting["id"]!.GetValue<Guid>();
        foreach (var oid in new[] { chair, referent, OidOf(DirectoryRole.Coordinator) })
        {
            (await h.PostAsync(oid, $"/api/meetings/{MeetingId}/secrecy")).EnsureSuccessStatusCode();
        }

        await JsonAsync(await h.PostAsync(referent, $"/api/meetings/{MeetingId}/agenda", new { code = Code }));
        ItemId = Guid.Parse(await MinutesSteps.ItemIdAsync(h, MeetingId.ToString(), Code));
        var item = $"/api/meetings/{MeetingId}/agenda/{ItemId}";
        await JsonAsync(await h.As(chair).PutAsJsonAsync($"{item}/attendance", new { present = new[] { ChairId, ReferentId } }));
        await JsonAsync(await h.As(chair).PutAsJsonAsync($"{item}/minutes",
            new { decision = "Décision mqzdecisionmqz", consensus = true, nextReviewAt = DateTimeOffset.UtcNow.AddDays(40), actions = Array.Empty<object>() }));
        await JsonAsync(await h.As(chair).PutAsJsonAsync($"{item}/police-feedback", new { text = "Retour mqzfeedbackmqz", nothingUnderSecrecy = true }));

        // The CPAS's resource and a deputyship the Admin recorded.
        var resource = await JsonAsync(await h.PostAsync(cpasPartner, "/api/resources",
            new { kind = "Project", title = "Atelier parentalité", summary = "Un atelier pour les parents.", language = "fr" }));
        ResourceId = resource["id"]!.GetValue<Guid>();
        var deputyship = await JsonAsync(await h.PostAsync(OidOf(DirectoryRole.Admin), "/api/directory/deputies",
            new { personId = await h.PersonIdAsync(OidOf(DirectoryRole.PoliceReferent)), deputyId = await h.PersonIdAsync(OidOf(DirectoryRole.Secretary)) }));
        DeputyshipId = deputyship["id"]!.GetValue<Guid>();
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    /// <summary>
    /// The refusals the audit log holds for <paramref name="oid"/>: entries whose outcome is Denied (action Denied, or
    /// the action refused, as an export's), what the DPO's search and the repeated-denials flag count.
    /// </summary>
    public Task<int> DeniedCountAsync(string oid) =>
        H.InScopeAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Actor == oid && e.Outcome == AuditOutcome.Denied));

    /// <summary>
    /// A digest of every row of every table but the audit log's: a refused request must leave it as it was (the
    /// audit log grows by design).
    /// </summary>
    public Task<string> FingerprintAsync() =>
        H.InScopeAsync(async db =>
        {
            var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
                .Where(t => t != "AuditEntries").Distinct().Order(StringComparer.Ordinal).ToList();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                var text = new StringBuilder();
                foreach (var table in tables)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
                    await using var reader = await command.ExecuteReaderAsync();
                    var rows = new List<string>();
                    while (await reader.ReadAsync())
                    {
                        rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
                    }

                    text.Append(table).Append(':').AppendJoin('\n', rows.Order(StringComparer.Ordinal)).Append('\n');
                }

                return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            return JsonNode.Parse(body)!.AsObject();
        }
    }
}
