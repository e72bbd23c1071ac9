using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>
/// Seeds data through the real API as the demo tenant's personas, with the same persona tokens the tab's sandbox
/// sign-in obtains (<c>tab-config.json</c>'s persona token URL and API scope).
/// </summary>
public static class SituationApiSeed
{
    /// <summary>The demo personas' Entra object ids (fictitious).</summary>
    public static class Oids
    {
        public const string Chair = "a1b2c3d4-0001-4000-8000-000000000001";
        public const string Coordinator = "a1b2c3d4-0002-4000-8000-000000000002";
        public const string Referent = "a1b2c3d4-0003-4000-8000-000000000003";
        public const string SchoolPartner = "a1b2c3d4-0005-4000-8000-000000000005";
        public const string AssociationPartner = "a1b2c3d4-0008-4000-8000-000000000008";
    }

    /// <summary>An HttpClient to the App carrying <paramref name="objectId"/>'s persona token.</summary>
    public static async Task<HttpClient> AsAsync(AppServer app, string objectId)
    {
        var http = app.CreateHttpClient();
        var config = await http.GetFromJsonAsync<JsonObject>("/tab-config.json") ?? throw new InvalidOperationException("no tab-config.json");
        var template = (string)config["sandbox"]!["personaTokenUrlTemplate"]!;
        var scope = (string)config["apiScope"]!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["scope"] = scope });
        using var response = await http.PostAsync(new Uri(template.Replace("{objectId}", objectId, StringComparison.Ordinal), UriKind.RelativeOrAbsolute), form);
        response.EnsureSuccessStatusCode();
        var token = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Reports a signal as <paramref name="reporter"/> and answers its code.</summary>
    public static async Task<string> ReportAsync(HttpClient reporter, string text = "Propos menaçants entendus en classe (fictif).", object? identity = null)
    {
        using var response = await reporter.PostAsJsonAsync("/api/situations", new
        {
            indicators = new[] { new { key = "threats", evidence = "Menaces verbales répétées (fictif)." } },
            text,
            identity,
        });
        await EnsureAsync(response);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!;
    }

    public static async Task<JsonObject> PostAsync(HttpClient client, string path, object? body = null)
    {
        using var response = await client.PostAsJsonAsync(path, body ?? new { });
        await EnsureAsync(response);
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    public static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await EnsureAsync(response);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Waits until <paramref name="check"/> holds for the situation as <paramref name="client"/> sees it.</summary>
    public static async Task<JsonObject> WaitForSituationAsync(HttpClient client, string code, Func<JsonObject, bool> check, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var detail = (JsonObject)await GetAsync(client, $"/api/situations/{code}");
            if (check(detail))
            {
                return detail;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"situation {code}: condition not met in {timeout}: {detail.ToJsonString(new JsonSerializerOptions { WriteIndented = false })}");
            }

            await Task.Delay(500);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
