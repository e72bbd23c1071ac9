using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Sandbox;

/// <summary><c>POST {S}personas/synthetic</c>: fictitious people for load tests, known to the connector and the inbox until reset.</summary>
public sealed class SandboxSyntheticPersonasTests
{
    [Fact]
    public async Task OpensChatWithSyntheticPersonaUntilReset()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var connector = await sandbox.CreateConnectorClientAsync();
        var third = SyntheticPersonas.Create(3)[2];

        using (var unknown = await connector.PostAsJsonAsync("v3/conversations", SandboxConnectorTests.CreateBody(third)))
        {
            Assert.False(unknown.IsSuccessStatusCode);
        }

        using (var seeded = await sandbox.Http.PostAsJsonAsync("personas/synthetic", new { count = 3 }))
        {
            Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
            var personas = (await seeded.Content.ReadFromJsonAsync<JsonArray>())!;
            Assert.Equal(3, personas.Count);
            Assert.Equal("5e000000-0000-4000-8000-000000000003", personas[2]!["objectId"]!.GetValue<string>());
        }

        await SandboxConnectorTests.CreateConversationAsync(connector, third);
        var listed = await sandbox.Http.GetFromJsonAsync<JsonArray>("inbox/personas");
        Assert.Equal(DemoTenant.Personas.Count + 3, listed!.Count);

        (await sandbox.Http.PostAsync("reset", null)).Dispose();
        using var afterReset = await connector.PostAsJsonAsync("v3/conversations", SandboxConnectorTests.CreateBody(third));
        Assert.False(afterReset.IsSuccessStatusCode);
    }

    [Fact]
    public async Task RefusesNegativeCount()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        using var response = await sandbox.Http.PostAsJsonAsync("personas/synthetic", new { count = -1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
