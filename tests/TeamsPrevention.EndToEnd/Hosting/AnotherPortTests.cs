using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Shared;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.EndToEnd.Hosting;

/// <summary>
/// README's first command on another port (<c>dotnet run -- --urls http://127.0.0.1:PORT</c>, here the same setting
/// as an environment variable): the embedded sandbox is reached where the App listens, not at localhost:5080 —
/// a persona signs in and the App validates her token against the sandbox's keys at that port.
/// </summary>
public sealed class AnotherPortTests
{
    [Fact]
    public async Task TheEmbeddedSandboxIsReachedWhereTheAppListens()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        var port = FreePort.Next();
        var appUrl = new Uri($"http://127.0.0.1:{port}/");
        var data = Path.Combine(Path.GetTempPath(), "tp-port-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Sandbox__Embedded"] = "true",
            ["Data__Provider"] = "Sqlite",
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(data, "app.db")}",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        await using var app = await AppProcess.StartAsync(appUrl, environment, ct);
        using var http = new HttpClient { BaseAddress = appUrl };

        var config = (await http.GetFromJsonAsync<JsonObject>("/tab-config.json", ct))!;
        var sandboxBase = config["sandbox"]!["inboxUrl"]!.GetValue<string>();
        Assert.StartsWith($"http://127.0.0.1:{port}/", sandboxBase, StringComparison.Ordinal);

        var chair = DemoTenant.Personas[0].ObjectId;
        using var tokenResponse = await http.PostAsync($"/sandbox/login/{DemoTenant.TenantId}/personas/{chair}/token", new FormUrlEncodedContent([]), ct);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>(ct))!["access_token"]!.GetValue<string>();

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var me = await http.GetAsync("/api/directory/me", ct);
        Assert.True(me.StatusCode == HttpStatusCode.OK, app.LastLines());
    }
}
