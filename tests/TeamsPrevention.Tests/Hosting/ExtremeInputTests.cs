using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Hosting;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Hosting;

/// <summary>
/// Extreme and malformed values on the date and number parameters of statistics, the audit search, report and anomaly
/// flags, and the alert and meeting endpoints: a 400 problem naming the field, in the caller's language, never a 500,
/// and nothing stored.
/// </summary>
public sealed class ExtremeInputTests
{
    private static readonly string English = DemoTenant.Personas.First(p => p.Role == "Partner" && p.PreferredLanguage.StartsWith("en", StringComparison.Ordinal)).ObjectId;

    private static readonly (string Oid, UserLanguage Language, string Method, string Url, string? Body, string Field, Func<UserLanguage, string>? Text)[] Cases =
    [
        (DemoPeople.Chair, UserLanguage.Fr, "GET", "/api/statistics?from=0001-01-01&to=9999-12-31", null, "to", InputTexts.DateOutOfRange),
        (DemoPeople.Chair, UserLanguage.Fr, "GET", "/api/statistics?from=0001-01-01&to=0001-01-31", null, "from", InputTexts.DateOutOfRange),
        (DemoPeople.Chair, UserLanguage.Fr, "GET", "/api/statistics?from=9999-12-01&to=9999-12-31", null, "from", InputTexts.DateOutOfRange),
        (DemoPeople.Chair, UserLanguage.Fr, "GET", "/api/statistics?from=2024-13-01", null, "from", InputTexts.InvalidValue),
        (DemoPeople.Dpo, UserLanguage.De, "GET", "/api/statistics?to=2024-02-30", null, "to", InputTexts.InvalidValue),
        (DemoPeople.Dpo, UserLanguage.De, "GET", "/api/audit?from=0001-01-01&to=9999-12-31", null, "from", InputTexts.DateOutOfRange),
        (DemoPeople.Dpo, UserLanguage.De, "GET", "/api/audit?from=0001-01-01T00:00:00%2B14:00", null, "from", InputTexts.InvalidValue),
        (DemoPeople.Dpo, UserLanguage.De, "GET", "/api/audit?pageSize=99999999999", null, "pageSize", InputTexts.InvalidValue),
        (DemoPeople.Dpo, UserLanguage.De, "GET", "/api/audit?before=99999999999999999999", null, "before", InputTexts.InvalidValue),
        (DemoPeople.Dpo, UserLanguage.De, "GET", "/api/audit?pageSize=0", null, "pageSize", l => InputTexts.Between(1, 200, l)),
        (DemoPeople.Dpo, UserLanguage.De, "GET", "/api/audit?situation=" + new string('A', 5000), null, "situation", l => InputTexts.TooLong(AuditRecord.MaxSituationCodeLength, l)),
        (DemoPeople.Dpo, UserLanguage.De, "GET", "/api/audit/access-report?situation=K7M-4QX&to=9999-12-31", null, "to", InputTexts.DateOutOfRange),
        (DemoPeople.Dpo, UserLanguage.De, "GET", "/api/audit/anomalies?to=0001-01-02", null, "to", InputTexts.DateOutOfRange),
        (DemoPeople.Dpo, UserLanguage.De, "GET", "/api/audit/anomalies?from=9999-12-01&to=9999-12-31", null, "from", InputTexts.DateOutOfRange),
        (English, UserLanguage.En, "GET", "/api/alerts/received?limit=99999999999", null, "limit", InputTexts.InvalidValue),
        (DemoPeople.Coordinator, UserLanguage.Fr, "POST", "/api/alerts", """{"severity":99,"category":"Signal","message":"x","roles":["Referent"]}""", "severity", AlertRefusalTexts.UnknownSeverity),
        (DemoPeople.Coordinator, UserLanguage.Fr, "POST", "/api/alerts", """{"severity":"Info","category":99,"message":"x","roles":["Referent"]}""", "category", null),
        (DemoPeople.Coordinator, UserLanguage.Fr, "POST", "/api/alerts", """{"severity":"Loud","category":"Signal","message":"x","roles":["Referent"]}""", "severity", InputTexts.InvalidValue),
        (DemoPeople.Coordinator, UserLanguage.Fr, "POST", "/api/meetings", """{"kind":"Platform","startAt":"9999-12-31T20:00:00Z","endAt":"9999-12-31T22:00:00Z"}""", "startAt", InputTexts.DateOutOfRange),
        (DemoPeople.Coordinator, UserLanguage.Fr, "POST", "/api/meetings", """{"kind":99,"startAt":"2030-11-30T20:00:00Z","endAt":"2030-11-30T22:00:00Z"}""", "kind", null),
        (DemoPeople.Coordinator, UserLanguage.Fr, "POST", "/api/meetings", """{"kind":"Platform","startAt":"2030-11-30T20:00:00Z","endAt":"2030-11-30T22:00:00Z","occurrences":99999999999}""", "occurrences", InputTexts.InvalidValue),
        (DemoPeople.Coordinator, UserLanguage.Fr, "POST", "/api/meetings", """{"kind":"Case","startAt":"someday","endAt":"2030-11-30T22:00:00Z"}""", "startAt", InputTexts.InvalidValue),
    ];

    [Theory, BothProviders]
    public async Task AnswersAProblemNamingTheFieldInTheCallersLanguage(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Situations:WorkerEnabled"] = "false",
            ["Alerts:Delivery:Enabled"] = "false",
            ["Meetings:WorkerEnabled"] = "false",
        });

        foreach (var (oid, language, method, url, body, field, text) in Cases)
        {
            using var client = app.CreateClient(oid);
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            var what = $"{method} {url} {body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
            Assert.True(problem.Errors.TryGetValue(field, out var messages), what);
            if (text is not null)
            {
                Assert.Contains(text(language), messages!);
            }

            Assert.Equal(InputTexts.Title(language), problem.Title);
        }

        Assert.Equal(0, await app.Database.CountAsync("Alerts"));
        Assert.Equal(0, await app.Database.CountAsync("Meetings"));
    }
}
