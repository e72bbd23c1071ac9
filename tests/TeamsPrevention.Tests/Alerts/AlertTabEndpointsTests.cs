using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Alerts;

/// <summary>Refusals in the sender's language, the deadline preview and the alerts addressed to me (pending and answered).</summary>
public sealed class AlertTabEndpointsTests
{
    private static readonly string Coordinator = AlertHarness.Oid("Coordinator");
    private static readonly DemoPersona Anne = DemoTenant.Personas.First(p => p.OrganisationKey == "school");
    private static readonly DemoPersona Karim = DemoTenant.Personas.First(p => p.OrganisationKey == "association");
    private static readonly DemoPersona Jan = DemoTenant.Personas.First(p => p.Role == "PoliceReferent");
    private static readonly Dictionary<string, string?> NoDelivery = new() { ["Alerts:Delivery:Enabled"] = "false" };

    [Fact]
    public async Task RefusesDraftInFrenchForFrenchSenderAndInDutchForDutchSender()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite, NoDelivery);
        var noRecipient = new { severity = "Info", category = "Information", message = "Test" };
        var noMessage = new { severity = "Info", category = "Information", message = " ", people = new[] { Guid.NewGuid() } };

        using var coordinator = app.CreateClient(Coordinator);
        var french = await RefusalAsync(coordinator, noRecipient);
        Assert.Equal("Données invalides.", french.Title);
        Assert.Equal("Choisissez au moins un destinataire.", Assert.Single(french.Errors["alert"]));
        Assert.StartsWith("Le message est obligatoire", Assert.Single((await RefusalAsync(coordinator, noMessage)).Errors["alert"]), StringComparison.Ordinal);

        using var jan = app.CreateClient(Jan.ObjectId);
        var dutch = await RefusalAsync(jan, noRecipient);
        Assert.Equal("Ongeldige gegevens.", dutch.Title);
        Assert.Equal("Kies minstens één ontvanger.", Assert.Single(dutch.Errors["alert"]));
        var unknown = await RefusalAsync(jan, new { severity = "Info", category = "Information", message = "Test", people = new[] { Guid.NewGuid() } });
        Assert.Equal("Een gekozen persoon staat niet in de adreslijst.", Assert.Single(unknown.Errors["alert"]));
    }

    [Theory]
    // Friday 6 March 2026, 19:00 in Brussels: the hour of office time starts on Monday at 08:30.
    [InlineData("2026-03-06T18:00:00Z", "Urgent", "2026-03-09T09:30:00+01:00")]
    // Tuesday 10 November 2026, 16:30: half an hour that day; the 11th is a public holiday, so Thursday 09:00.
    [InlineData("2026-11-10T15:30:00Z", "Urgent", "2026-11-12T09:00:00+01:00")]
    // Elevated sent on Thursday 30 April 2026: Friday 1 May is a holiday; Monday 4 and Tuesday 5 May count; summer time.
    [InlineData("2026-04-30T10:00:00Z", "elevated", "2026-05-05T17:00:00+02:00")]
    public async Task PreviewsDeadlineOnBrusselsCalendar(string now, string severity, string expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite, NoDelivery, s => s.AddSingleton<TimeProvider>(clock));
        using var coordinator = app.CreateClient(Coordinator);

        using var response = await coordinator.GetAsync($"/api/alerts/deadline-preview?severity={severity}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(body)!;
        Assert.Equal(expected, json["dueAt"]!.GetValue<string>());
        Assert.Equal(severity, json["severity"]!.GetValue<string>(), ignoreCase: true);
    }

    [Fact]
    public async Task RefusesUnknownSeverityAndPeopleWhoMayNotSend()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite, NoDelivery);
        using var coordinator = app.CreateClient(Coordinator);
        foreach (var bad in new[] { "Critical", "1", "", "Info,Urgent" })
        {
            using var response = await coordinator.GetAsync($"/api/alerts/deadline-preview?severity={Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("Niveau inconnu : Info, Elevated ou Urgent attendu.", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        }

        using var dpo = app.CreateClient(DemoTenant.Personas.First(p => p.Role == "Dpo").ObjectId);
        Assert.Equal(HttpStatusCode.Forbidden, (await dpo.GetAsync("/api/alerts/deadline-preview?severity=Info")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task ListsReceivedAlertsPendingAndAnsweredWithWhoAnsweredAndAuditsTheView(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, NoDelivery);
        var organisations = await AlertDeliveryTests.OrganisationsAsync(app);
        using var coordinator = app.CreateClient(Coordinator);
        var answered = await CreateAsync(coordinator, new { severity = "Info", category = "Coordination", message = "Un", organisations = new[] { organisations["school"] } });
        var pending = await CreateAsync(coordinator, new { severity = "Urgent", category = "Signal", message = "Deux", organisations = new[] { organisations["school"] } });
        var notMine = await CreateAsync(coordinator, new { severity = "Info", category = "Signal", message = "Trois", organisations = new[] { organisations["cpas"] } });

        using var anne = app.CreateClient(Anne.ObjectId);
        (await anne.PostAsJsonAsync($"/api/alerts/{answered}/answer", new { answer = "NotConcerned" })).EnsureSuccessStatusCode();

        var list = (await anne.GetFromJsonAsync<JsonArray>("/api/alerts/received"))!.Select(a => a!.AsObject()).ToList();
        Assert.Equal([pending, answered], list.Select(a => a["id"]!.GetValue<Guid>()));
        Assert.DoesNotContain(list, a => a["id"]!.GetValue<Guid>() == notMine);
        var done = list[1];
        Assert.Equal("Answered", done["state"]!.GetValue<string>());
        Assert.Equal("MyOrganisation", done["role"]!.GetValue<string>());
        Assert.Equal("NotConcerned", done["answer"]!.GetValue<string>());
        Assert.Equal(Anne.DisplayName, done["answeredBy"]!.GetValue<string>());
        Assert.True(done["answeredByMe"]!.GetValue<bool>());
        Assert.NotNull(done["answeredAt"]);
        Assert.Null(done["message"]); // the message is read on the alert's page (audited there)
        Assert.Equal("Pending", list[0]["state"]!.GetValue<string>());
        Assert.Null(list[0]["answer"]);

        Assert.Single((await anne.GetFromJsonAsync<JsonArray>("/api/alerts/received?limit=1"))!);
        Assert.Equal(HttpStatusCode.BadRequest, (await anne.GetAsync("/api/alerts/received?limit=0")).StatusCode);
        using var karim = app.CreateClient(Karim.ObjectId);
        Assert.Empty((await karim.GetFromJsonAsync<JsonArray>("/api/alerts/received"))!);

        var audited = await app.InScopeAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<AuditEntry>()
            .CountAsync(e => e.Purpose == "alerts received" && e.Action == AuditAction.View));
        Assert.Equal(3, audited);
    }

    private static async Task<ValidationProblemDetails> RefusalAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync("/api/alerts", request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
    }

    private static async Task<Guid> CreateAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync("/api/alerts", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }
}
