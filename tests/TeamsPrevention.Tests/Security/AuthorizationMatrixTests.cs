using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.Shared;
using TeamsPrevention.App.Directory;
using Xunit.Abstractions;

namespace TeamsPrevention.Tests.Security;

/// <summary>
/// Every operation of the API document × every role × an object that role may not see (<see cref="AuthorizationMatrix"/>):
/// refused with the declared status and audited as Denied, or answered without the object; no content of it in the
/// body; nothing changed. A person the directory does not know is refused on every operation. An operation of the
/// document without an entry fails the suite, named.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationWorld world, ITestOutputHelper output) : IClassFixture<AuthorizationWorld>
{
    public static TheoryData<string> Operations => [.. AuthorizationMatrix.Entries.Select(e => e.Operation)];

    [Fact]
    public async Task EveryOperationOfTheApiDocumentHasAnEntry()
    {
        var documented = await DocumentedOperationsAsync();
        var declared = AuthorizationMatrix.Entries.Select(e => e.Operation).ToList();

        Assert.True(documented.Count > 60, $"only {documented.Count} operations in the document");
        Assert.Equal(declared.Count, declared.Distinct(StringComparer.Ordinal).Count());
        var missing = documented.Except(declared, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Operations with no entry in AuthorizationMatrix: " + string.Join(", ", missing));
        var stale = declared.Except(documented, StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "Entries of AuthorizationMatrix for no operation of the document: " + string.Join(", ", stale));
    }

    /// <summary>A route left out of the document would escape the matrix: every /api route is in it, but the bot's.</summary>
    [Fact]
    public async Task EveryApiRouteIsInTheApiDocument()
    {
        var documented = await DocumentedOperationsAsync();
        var routes = world.H.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {Template(e.RoutePattern)}"))
            .Where(o => o != "POST /api/messages")
            .ToList();

        Assert.True(routes.Count > 60, $"only {routes.Count} routes");
        var undocumented = routes.Except(documented, StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0, "API routes missing from the OpenAPI document (so from the matrix): " + string.Join(", ", undocumented));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void EveryEntryGivesEveryRoleACell(string operation)
    {
        var entry = AuthorizationMatrix.Entries.Single(e => e.Operation == operation);
        var missing = Enum.GetValues<DirectoryRole>().Where(r => !entry.Roles.Cells.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, $"{operation}: no cell for {string.Join(", ", missing)}");
        Assert.All(entry.Roles.Cells.Values.Where(c => c.Kind == AccessKind.Allowed), c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task RefusesEveryoneTheObjectIsNotForAndShowsThemNothingOfIt(string operation)
    {
        var entry = AuthorizationMatrix.Entries.Single(e => e.Operation == operation);
        var before = await world.FingerprintAsync();
        var tried = new List<string>();

        if (entry.Control is { } control)
        {
            var (status, body) = await SendAsync(AuthorizationWorld.OidOf(control.Role), entry.Request(world));
            Assert.True(status is >= 200 and < 300, $"{operation} as {control.Role} (control): {status} {body}");
            Assert.Contains(control.Marker(world), body, StringComparison.Ordinal);
            tried.Add($"{control.Role} sees it ({status})");
        }

        var probes = entry.Roles.Cells.Where(c => c.Value.Kind != AccessKind.Allowed)
            .Select(c => (Who: c.Key.ToString(), Oid: AuthorizationWorld.OidOf(c.Key), c.Value))
            .Append(("Stranger", AuthorizationWorld.Stranger, entry.Stranger ?? new AccessCell(AccessKind.Refused, 403)))
            .Where(p => p.Item3.Kind != AccessKind.Allowed);
        foreach (var (who, oid, cell) in probes)
        {
            var denied = await world.DeniedCountAsync(oid);
            var (status, body) = await SendAsync(oid, entry.Request(world));
            var what = $"{operation} as {who}: {status} {body[..Math.Min(body.Length, 400)]}";
            if (cell.Kind == AccessKind.Refused)
            {
                Assert.True(status == cell.Status, $"{what} (expected {cell.Status})");
                Assert.True(await world.DeniedCountAsync(oid) > denied, $"{what}: no Denied audit entry");
            }
            else
            {
                Assert.True(status is >= 200 and < 300, $"{what} (expected an answer without the object)");
            }

            IEnumerable<string> markers = cell.Kind switch
            {
                AccessKind.Absent => [.. world.ContentMarkers, world.Code, world.MeetingId.ToString(), world.AlertId.ToString()],
                AccessKind.Hidden => [.. world.ContentMarkers, world.Code],
                _ => world.ContentMarkers,
            };
            foreach (var marker in markers)
            {
                Assert.False(body.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{what}: the body has {marker}");
            }

            tried.Add($"{who} {cell.Kind} {status}");
        }

        Assert.True(before == await world.FingerprintAsync(), $"{operation}: a refused request changed the data");
        output.WriteLine($"{operation}: {string.Join("; ", tried)}; allowed by design: "
            + string.Join("; ", entry.Roles.Cells.Where(c => c.Value.Kind == AccessKind.Allowed).Select(c => $"{c.Key} ({c.Value.Reason})")));
    }

    private async Task<(int Status, string Body)> SendAsync(string oid, Probe probe)
    {
        using var client = world.H.App.CreateClient(oid);
        using var request = new HttpRequestMessage(probe.Method, new Uri(probe.Path, UriKind.Relative));
        if (probe.Body is not null)
        {
            request.Content = JsonContent.Create(probe.Body, probe.Body.GetType());
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<string>> DocumentedOperationsAsync()
    {
        using var client = world.H.App.CreateClient(AuthorizationWorld.OidOf(DirectoryRole.Chair));
        var document = await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        return [.. ApiDocument.Operations(document!).Select(o => o.Key)];
    }

    /// <summary>A route's template as the document writes it: constraints dropped (<c>{id:guid}</c> → <c>{id}</c>), no trailing slash.</summary>
    private static string Template(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern)
    {
        var text = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            text.Append('/');
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p => $"{{{p.Name}}}",
                    _ => "",
                });
            }
        }

        return text.ToString();
    }
}
