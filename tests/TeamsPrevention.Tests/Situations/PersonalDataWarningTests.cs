using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Situations;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Situations;

/// <summary>
/// Free text that looks personal (issue 23 item 5), over HTTP: 422 with the kinds per field and nothing stored, then
/// stored once the writer confirms; the problem names kinds, never the text, in the writer's language; identity goes
/// to its sealed fields without a warning. All names here are fictitious.
/// </summary>
public sealed class PersonalDataWarningTests
{
    private static readonly DemoPersona Jan = DemoTenant.Personas.First(p => p.Role == "PoliceReferent");
    private static readonly DemoPersona Emma = DemoTenant.Personas.First(p => p.OrganisationKey == "youth");
    /// <summary>JSON as a person reads it (accents not escaped), so that looking for a text in it means something.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly Dictionary<string, string?> NoDelivery = new() { ["Alerts:Delivery:Enabled"] = "false" };

    [Theory, BothProviders]
    public async Task AnswersASignalThatLooksPersonalWith422AndStoresNothingUntilConfirmed(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var auditBefore = (await h.AuditAsync()).Count;
        var signal = new Dictionary<string, object?>
        {
            ["text"] = "Le jeune Zébulon Testfictif a menacé un camarade.",
            ["indicators"] = new[] { new { key = "threats", evidence = "Menace entendue ; il est né le 14/03/2009." } },
            ["identity"] = new { lastName = "Testfictif" },
        };

        using var warned = await h.PostAsync(DemoPeople.Referent, "/api/situations", signal);
        var body = await warned.Content.ReadAsStringAsync();
        var situationsAfterWarning = await h.InScopeAsync(db => db.Set<Situation>().CountAsync());
        var identitiesAfterWarning = await h.InScopeAsync(db => db.Set<SituationIdentity>().CountAsync());
        var auditAfterWarning = (await h.AuditAsync()).Count;
        signal["personalDataConfirmed"] = true;
        using var confirmed = await h.PostAsync(DemoPeople.Referent, "/api/situations", signal);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, warned.StatusCode);
        Assert.Equal("application/problem+json", warned.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(422, problem["status"]!.GetValue<int>());
        Assert.Equal("Le texte semble contenir des données personnelles.", problem["title"]!.GetValue<string>());
        Assert.Contains("Les données d'identité ont leur place dans les champs protégés.", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("""{"text":["name"],"indicators[0].evidence":["birthDate"]}""", problem["personalData"]!.ToJsonString());
        Assert.Equal("Semble contenir : un nom.", problem["errors"]!["text"]![0]!.GetValue<string>());
        Assert.Equal("Semble contenir : une date de naissance.", problem["errors"]!["indicators[0].evidence"]![0]!.GetValue<string>());
        Assert.Equal("personalDataConfirmed", problem["confirmWith"]!.GetValue<string>());
        foreach (var secret in new[] { "Zébulon", "Testfictif", "14/03/2009", "camarade" })
        {
            Assert.DoesNotContain(secret, problem.ToJsonString(Readable), StringComparison.Ordinal);
        }

        Assert.Equal((0, 0, auditBefore), (situationsAfterWarning, identitiesAfterWarning, auditAfterWarning));
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var stored = await h.InScopeAsync(db => db.Set<Situation>().Include(s => s.Indicators).AsNoTracking().SingleAsync());
        Assert.Equal("Le jeune Zébulon Testfictif a menacé un camarade.", stored.SignalText);
        Assert.Equal("Menace entendue ; il est né le 14/03/2009.", Assert.Single(stored.Indicators).Evidence);
        Assert.Equal(1, await h.InScopeAsync(db => db.Set<SituationIdentity>().CountAsync()));
    }

    [Fact]
    public async Task StoresIdentityInItsSealedFieldsWithoutAWarning()
    {
        await using var h = await SituationsHarness.StartAsync();

        using var response = await h.PostAsync(DemoPeople.Partner, "/api/situations", new
        {
            text = "Propos violents répétés en classe.",
            identity = new { firstName = "Zébulon", lastName = "Testfictif", birthDate = "2009-03-14", address = "rue de Fer 25, 5000 Namur" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await h.InScopeAsync(db => db.Set<SituationIdentity>().CountAsync()));
    }

    [Fact]
    public async Task AnswersTheWarningInTheWritersLanguage()
    {
        await using var h = await SituationsHarness.StartAsync();

        var dutch = await WarningAsync(h, Jan.ObjectId, "/api/situations", new { text = "Zijn moeder belde van op 0471 23 45 67." });
        var english = await WarningAsync(h, Emma.ObjectId, "/api/situations", new { text = "Seen in the park with Tom Madeup." });

        Assert.Equal("De tekst lijkt persoonsgegevens te bevatten.", dutch["title"]!.GetValue<string>());
        Assert.Equal("Lijkt te bevatten: een telefoonnummer.", dutch["errors"]!["text"]![0]!.GetValue<string>());
        Assert.Contains("Identiteitsgegevens horen in de beschermde velden.", dutch["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("""{"text":["phone"]}""", dutch["personalData"]!.ToJsonString());
        Assert.Equal("The text seems to contain personal data.", english["title"]!.GetValue<string>());
        Assert.Equal("Seems to contain: a name.", english["errors"]!["text"]![0]!.GetValue<string>());
    }

    [Theory, BothProviders]
    public async Task WarnsOnActionsReviewNotesAndClosureReasonsUntilConfirmed(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, null);
        var code = await h.ReportAsync(DemoPeople.Referent);
        await SituationLifecycleTests.BringToAsync(h, code, "Included");
        var owner = await h.OrganisationIdAsync("school");
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var path = $"/api/situations/{code}";

        var action = await WarningAsync(h, DemoPeople.Referent, $"{path}/actions", new { description = "Rendez-vous avec Mme Testfictif", ownerOrganisationId = owner, dueDate = due });
        var notes = await WarningAsync(h, DemoPeople.Referent, $"{path}/reviews", new { notes = "Nouvelle adresse : rue de Fer 25." });
        var reason = await WarningAsync(h, DemoPeople.Chair, $"{path}/closure", new { reason = "Déménagé à 5000 Namur." });
        var unchanged = await h.GetJsonAsync(DemoPeople.Referent, path);
        using var actionSaved = await h.PostAsync(DemoPeople.Referent, $"{path}/actions", new { description = "Rendez-vous avec Mme Testfictif", ownerOrganisationId = owner, dueDate = due, personalDataConfirmed = true });
        using var notesSaved = await h.PostAsync(DemoPeople.Referent, $"{path}/reviews", new { notes = "Nouvelle adresse : rue de Fer 25.", personalDataConfirmed = true });
        using var closed = await h.PostAsync(DemoPeople.Chair, $"{path}/closure", new { reason = "Déménagé à 5000 Namur.", personalDataConfirmed = true });

        Assert.Equal("""{"description":["name"]}""", action["personalData"]!.ToJsonString());
        Assert.Equal("""{"notes":["address"]}""", notes["personalData"]!.ToJsonString());
        Assert.Equal("""{"reason":["address"]}""", reason["personalData"]!.ToJsonString());
        Assert.Empty(unchanged!["actions"]!.AsArray());
        Assert.Empty(unchanged["reviews"]!.AsArray());
        Assert.Equal("Included", unchanged["summary"]!["status"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (actionSaved.StatusCode, notesSaved.StatusCode, closed.StatusCode));
        var detail = await h.GetJsonAsync(DemoPeople.Referent, path);
        Assert.Equal("Rendez-vous avec Mme Testfictif", detail!["actions"]![0]!["description"]!.GetValue<string>());
        Assert.Equal("Nouvelle adresse : rue de Fer 25.", detail["reviews"]![0]!["notes"]!.GetValue<string>());
        Assert.Equal("Déménagé à 5000 Namur.", detail["closureReason"]!.GetValue<string>());
    }

    [Theory, BothProviders]
    public async Task AnswersAnAlertMessageThatLooksPersonalWith422AndSendsNothingUntilConfirmed(DatabaseProvider provider)
    {
        await using var h = await SituationsHarness.StartAsync(provider, null, null, NoDelivery);
        var school = await h.OrganisationIdAsync("school");
        var alert = new Dictionary<string, object?>
        {
            ["severity"] = "Info",
            ["category"] = "Information",
            ["message"] = "Merci de rappeler M. Testfictif au 0471 23 45 67.",
            ["organisations"] = new[] { school },
        };

        var french = await WarningAsync(h, DemoPeople.Coordinator, "/api/alerts", alert);
        var dutch = await WarningAsync(h, Jan.ObjectId, "/api/alerts", alert);
        var stored = await h.InScopeAsync(db => db.Set<Alert>().CountAsync());
        alert["personalDataConfirmed"] = true;
        using var sent = await h.PostAsync(DemoPeople.Coordinator, "/api/alerts", alert);

        Assert.Equal("""{"message":["name","phone"]}""", french["personalData"]!.ToJsonString());
        Assert.Equal("Semble contenir : un nom, un numéro de téléphone.", french["errors"]!["message"]![0]!.GetValue<string>());
        Assert.DoesNotContain("champs protégés", french["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Testfictif", french.ToJsonString(Readable), StringComparison.Ordinal);
        Assert.Equal("Lijkt te bevatten: een naam, een telefoonnummer.", dutch["errors"]!["message"]![0]!.GetValue<string>());
        Assert.Equal(0, stored);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal("Merci de rappeler M. Testfictif au 0471 23 45 67.", (await h.InScopeAsync(db => db.Set<Alert>().SingleAsync())).Message);
    }

    [Fact]
    public async Task WarnsOnMinutesDecisionsAndTheirActionsUntilConfirmed()
    {
        await using var h = await Meetings.MeetingHarness.StartAsync(null);
        var code = await Meetings.MeetingSteps.IncludedSituationAsync(h, Meetings.MinutesSteps.Secretary);
        var id = await Meetings.MinutesSteps.MeetingAsync(h);
        var itemId = await Meetings.MinutesSteps.ItemIdAsync(h, id, code);
        await Meetings.MinutesSteps.AttendAsync(h, id, itemId, Meetings.MinutesSteps.Secretary);
        var minutes = new Dictionary<string, object?>
        {
            ["decision"] = "Accompagnement par Dhr. Verzonnen",
            ["consensus"] = true,
            ["nextReviewAt"] = DateTimeOffset.UtcNow.AddDays(30),
            ["actions"] = new[] { new { description = "Visite rue de Fer 25", ownerOrganisationId = await h.OrganisationIdAsync("police"), dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)) } },
        };
        var path = $"/api/meetings/{id}/agenda/{itemId}/minutes";

        using var warned = await h.As(Meetings.MinutesSteps.Secretary).PutAsJsonAsync(path, minutes);
        var problem = JsonNode.Parse(await warned.Content.ReadAsStringAsync())!;
        var actionsAfterWarning = await h.InScopeAsync(db => db.Set<SituationAction>().CountAsync());
        minutes["personalDataConfirmed"] = true;
        using var saved = await h.As(Meetings.MinutesSteps.Secretary).PutAsJsonAsync(path, minutes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, warned.StatusCode);
        Assert.Equal("""{"decision":["name"],"actions[0].description":["address"]}""", problem["personalData"]!.ToJsonString());
        Assert.Equal(0, actionsAfterWarning);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Visite rue de Fer 25", (await h.InScopeAsync(db => db.Set<SituationAction>().SingleAsync())).Description);
    }

    private static async Task<JsonNode> WarningAsync(SituationsHarness h, string oid, string path, object body)
    {
        using var response = await h.PostAsync(oid, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
