using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TeamsPrevention.Tests.Situations;

public sealed class SituationApiDocumentTests
{
    [Fact]
    public async Task DescribesTheSituationsApiInTheOpenApiDocument()
    {
        await using var h = await SituationsHarness.StartAsync();

        var document = await h.App.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json");

        var paths = document!["paths"]!.AsObject();
        Assert.Contains("/api/situations", paths.Select(p => p.Key));
        Assert.Contains("/api/situations/{code}/identity/reveal", paths.Select(p => p.Key));
        Assert.Contains("/api/situations/{code}/need-to-know", paths.Select(p => p.Key));
    }
}
