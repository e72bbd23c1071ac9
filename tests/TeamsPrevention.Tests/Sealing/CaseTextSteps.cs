using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Situations;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Meetings;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Sealing;

/// <summary>
/// Every kind of free text a person types about a case, each with its own marker, written through the App's API:
/// signal text, indicator evidence, an action, a review's notes, minutes (decision and action), police feedback,
/// break-glass and reveal reasons, a decline's referral and a closure reason, an alert's message.
/// </summary>
internal static class CaseTextSteps
{
    public const string Signal = "qqmark signal texte";
    public const string Evidence = "qqmark indicateur evidence";
    public const string Action = "qqmark action planifiee";
    public const string Notes = "qqmark notes de revue";
    public const string Decision = "qqmark decision du proces verbal";
    public const string MinutesAction = "qqmark action du proces verbal";
    public const string Feedback = "qqmark retour a la police";
    public const string BreakGlass = "qqmark motif bris de glace";
    public const string Reveal = "qqmark motif de levee";
    public const string ReferredTo = "qqmark service reference";
    public const string Closure = "qqmark motif de cloture";
    public const string AlertMessage = "qqmark message de l'alerte";
    public const string Identity = "qqmark identite";

    public static readonly string[] All = [Signal, Evidence, Action, Notes, Decision, MinutesAction, Feedback, BreakGlass, Reveal, ReferredTo, Closure, AlertMessage, Identity];

    /// <summary>The tables that hold case text (and the identity), for the raw dumps.</summary>
    public static readonly string[] Tables =
        ["Situations", "SituationIndicators", "SituationActions", "SituationReviews", "SituationJustifications", "SituationIdentities", "MeetingItems", "PoliceFeedbacks", "Alerts"];

    public static readonly Dictionary<string, string?> Settings = new() { ["Meetings:WorkerEnabled"] = "false", ["Alerts:Delivery:Enabled"] = "false" };

    /// <summary>Writes every kind of case text; returns what to read it back with.</summary>
    public static async Task<CaseTexts> WriteAsync(SituationsHarness h)
    {
        var code = await h.ReportAsync(DemoPeople.Referent, new
        {
            text = Signal,
            indicators = new[] { new { key = "threats", evidence = Evidence } },
            identity = new { lastName = Identity },
        });
        foreach (var oid in new[] { DemoPeople.Coordinator, DemoPeople.PoliceReferent, MinutesSteps.Secretary })
        {
            (await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/need-to-know", new { personId = await h.PersonIdAsync(oid) })).EnsureSuccessStatusCode();
        }

        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        var school = await h.OrganisationIdAsync("school");
        await OkAsync(h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/actions", new { description = Action, ownerOrganisationId = school, dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)) }));
        await OkAsync(h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/reviews", new { notes = Notes }));
        await OkAsync(h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/identity/reveal", new { reason = Reveal }));

        var meeting = await MinutesSteps.MeetingAsync(h);
        var item = await MinutesSteps.ItemIdAsync(h, meeting, code);
        await MinutesSteps.AttendAsync(h, meeting, item, DemoPeople.Coordinator, DemoPeople.PoliceReferent, MinutesSteps.Secretary);
        await MinutesSteps.MinutesAsync(h, meeting, item, Decision, consensus: true, action: MinutesAction);
        await OkAsync(h.As(DemoPeople.Coordinator).PutAsJsonAsync($"/api/meetings/{meeting}/agenda/{item}/police-feedback", new { text = Feedback, nothingUnderSecrecy = true }));
        await OkAsync(h.PostAsync(DemoPeople.Chair, $"/api/situations/{code}/closure", new { reason = Closure }));

        var declined = await h.ReportAsync(DemoPeople.Referent);
        await SituationLifecycleTests.BringToAsync(h, declined, "Screening");
        await OkAsync(h.PostAsync(DemoPeople.Chair, $"/api/situations/{declined}/decline", new { referredTo = ReferredTo }));
        await OkAsync(h.PostAsync(DemoPeople.Coordinator, $"/api/situations/{declined}/break-glass", new { reason = BreakGlass }));

        using var sent = await h.PostAsync(DemoPeople.Referent, "/api/alerts", new { severity = "Info", category = "FollowUp", message = AlertMessage, situationCode = code, people = new[] { await h.PersonIdAsync(DemoPeople.Partner) } });
        var alert = (await sent.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(sent.IsSuccessStatusCode, alert.ToJsonString());
        return new CaseTexts(code, declined, meeting, item, alert["id"]!.GetValue<Guid>());
    }

    /// <summary>Everything the App answers about the case texts, as one string (API reads, and the reasons, which no API shows).</summary>
    public static async Task<string> ReadBackAsync(SituationsHarness h, CaseTexts texts)
    {
        var all = new StringBuilder();
        foreach (var (oid, path) in new[]
        {
            (DemoPeople.Referent, $"/api/situations/{texts.Code}"),
            (DemoPeople.Chair, $"/api/situations/{texts.Declined}"),
            (MinutesSteps.Secretary, $"/api/meetings/{texts.MeetingId}/agenda/{texts.ItemId}/minutes"),
            (DemoPeople.Coordinator, $"/api/meetings/{texts.MeetingId}/agenda/{texts.ItemId}/police-feedback"),
            (DemoPeople.Referent, $"/api/alerts/{texts.AlertId}"),
        })
        {
            using var response = await h.As(oid).GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
            all.Append(JsonNode.Parse(body)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })).Append('\n');
        }

        using var revealed = await h.PostAsync(DemoPeople.Referent, $"/api/situations/{texts.Code}/identity/reveal", new { reason = "lecture de controle" });
        all.Append(await revealed.Content.ReadAsStringAsync()).Append('\n');
        foreach (var reason in await h.InScopeAsync(db => db.Set<AccessJustification>().AsNoTracking().ToListAsync()))
        {
            all.Append(reason.Reason).Append('\n');
        }

        return all.ToString();
    }

    /// <summary>Every value of every case table as the database holds it (raw SQL, bytes read as UTF-8).</summary>
    public static async Task<string> RawDumpAsync(TestDatabase database)
    {
        var all = new StringBuilder();
        await using var connection = await database.OpenConnectionAsync();
        foreach (var table in Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    all.Append(reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                all.Append('\n');
            }
        }

        return all.ToString();
    }

    /// <summary>The SQLite files (database and write-ahead log) as bytes; empty on PostgreSQL.</summary>
    public static byte[] SqliteFiles(TestDatabase database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return [];
        }

        var path = database.ConnectionString.Replace("Data Source=", "", StringComparison.Ordinal);
        return [.. new[] { path, path + "-wal" }.Where(File.Exists).SelectMany(p =>
        {
            using var stream = new FileStream(p, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        })];
    }

    /// <summary>The markers found in <paramref name="text"/> and in <paramref name="bytes"/> (as UTF-8).</summary>
    public static List<string> Found(string text, byte[] bytes) =>
        [.. All.Where(m => text.Contains(m, StringComparison.Ordinal) || bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(m)) >= 0)];

    /// <summary>The key ids rows are sealed under, per table (raw SQL): <c>Table:key</c> (<c>null</c> for a plain row).</summary>
    public static async Task<List<string>> KeyIdsAsync(TestDatabase database)
    {
        var ids = new List<string>();
        await using var connection = await database.OpenConnectionAsync();
        foreach (var table in Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"{(table == "SituationIdentities" ? "KeyId" : "SealKeyId")}\" FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add($"{table}:{(reader.IsDBNull(0) ? "null" : reader.GetString(0))}");
            }
        }

        return ids;
    }

    private static async Task OkAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>Where <see cref="CaseTextSteps.WriteAsync"/> wrote: the included (then closed) situation, the declined one, the meeting and item, the alert.</summary>
internal sealed record CaseTexts(string Code, string Declined, string MeetingId, string ItemId, Guid AlertId);
