using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Security;

/// <summary>
/// The tab API takes a person's token only with the API's own scope and from a known client (the Teams, Outlook and
/// Microsoft 365 hosts, or the App itself): the Chair's token with another scope, or issued to any other application,
/// opens nothing, on every route, and each refusal is audited.
/// </summary>
public sealed class TabTokenMatrixTests
{
    private static readonly DemoPersona Chair = DemoTenant.Personas[0];

    private static readonly string[] Routes =
    [
        "/api/me", "/api/directory/me", "/api/situations", "/api/alerts/received", "/api/meetings", "/api/statistics",
        "/api/resources", "/api/audit",
    ];

    [Theory]
    [InlineData("another scope")]
    [InlineData("another client")]
    public async Task RefusesTheChairsTokenOnEveryRouteWithoutTheScopeOrAKnownClient(string kind)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var app = new AppFactory(new Dictionary<string, string?> { ["Sandbox:BaseUrl"] = sandbox.BaseUrl.ToString() });
        var token = kind == "another scope"
            ? await sandbox.GetPersonaTokenAsync(Chair.ObjectId, scope: $"api://{DemoTenant.BotAppId}/Other.Read")
            : await sandbox.GetPersonaTokenAsync(Chair.ObjectId, clientId: Guid.NewGuid().ToString());
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var deniedBefore = await DeniedCountAsync(app);

        foreach (var route in Routes)
        {
            using var response = await client.GetAsync(route);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route} answered {(int)response.StatusCode}");
            Assert.DoesNotContain(Chair.DisplayName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(deniedBefore + Routes.Length, await DeniedCountAsync(app));
    }

    [Fact]
    public async Task AcceptsTheChairsOrdinaryTokenFromTeamsAndFromTheAppsOwnClient()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var app = new AppFactory(new Dictionary<string, string?> { ["Sandbox:BaseUrl"] = sandbox.BaseUrl.ToString() });
        foreach (var token in new[]
        {
            await sandbox.GetPersonaTokenAsync(Chair.ObjectId),
            await sandbox.GetPersonaTokenAsync(Chair.ObjectId, clientId: "1fec8e78-bce4-4aaf-ab1b-5451cc387264"),
            await sandbox.GetPersonaTokenAsync(Chair.ObjectId, clientId: DemoTenant.BotAppId),
        })
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.GetAsync("/api/directory/me");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Every route of the API asks for authorization (and so for the API's scope and a known client).</summary>
    [Fact]
    public void EveryApiRouteRequiresAuthorization()
    {
        using var app = new AppFactory();
        _ = app.Services; // builds the App
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api", StringComparison.Ordinal)
                && !raw.TrimStart('/').StartsWith("api/messages", StringComparison.Ordinal))
            .ToList();

        Assert.True(routes.Count > 50, $"only {routes.Count} API routes found");
        var open = routes.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null || !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(open);
    }

    private static async Task<int> DeniedCountAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<AuditEntry>().CountAsync(e => e.Action == AuditAction.Denied && e.Actor == Chair.ObjectId);
    }
}
