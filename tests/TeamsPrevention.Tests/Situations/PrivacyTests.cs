using System.Net.Http.Json;
using TeamsPrevention.Sandbox.Realism;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Situations;

public sealed class PrivacyTests
{
    /// <summary>Obviously fictitious identities, seeded in identity fields, signal text and evidence.</summary>
    private static readonly string[] Secrets = ["Zébulon", "Testfictif", "Quibbleworth", "12 rue Imaginaire", "2009-04-01", "École des Licornes"];

    [Fact]
    public async Task NeverSendsOrLogsTheIdentitiesSeededInSituations()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var h = await SituationsHarness.StartAsync(sandbox, settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
        });
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var code = await h.ReportAsync(DemoPeople.Referent, new
            {
                text = $"Zébulon Testfictif ({i}) a menacé un camarade à l'École des Licornes",
                indicators = new[] { new { key = "threats", evidence = "Quibbleworth a entendu Zébulon Testfictif" } },
                identity = new { firstName = "Zébulon", lastName = "Testfictif", birthDate = "2009-04-01", address = "12 rue Imaginaire", school = "École des Licornes" },
                personalDataConfirmed = true,
            });
            await ChannelTests.GrantAsync(h, code, DemoPeople.Partner);
            await SituationLifecycleTests.BringToAsync(h, code, "Included");
            (await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/identity/reveal", new { reason = "Zébulon Testfictif : réunion" })).EnsureSuccessStatusCode();
            (await h.PostAsync(DemoPeople.Coordinator, $"/api/situations/{code}/break-glass", new { reason = "Urgence concernant Zébulon Testfictif" })).EnsureSuccessStatusCode();
            codes.Add(code);
        }

        await h.RunChannelPassesAsync();
        await ChannelTests.MakeDueAsync(h);
        await h.RunChannelPassesAsync();

        var traffic = (await sandbox.Http.GetFromJsonAsync<List<TrafficEntry>>("traffic"))!;
        Assert.Contains(traffic, t => t.Path.Contains("/graph/", StringComparison.Ordinal) && t.Method == "POST");
        Assert.All(codes, c => Assert.Single(ChannelTests.Channels(sandbox, c)));
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(traffic, t => (t.Path + " " + t.Body).Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(h.Logs.Lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        Assert.NotEmpty(h.Logs.Lines);
    }
}
