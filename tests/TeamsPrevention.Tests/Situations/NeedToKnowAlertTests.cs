using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.Tests.Directory;

namespace TeamsPrevention.Tests.Situations;

/// <summary>An alert addressed to a situation's need-to-know list reaches exactly that list, and only its members may send it.</summary>
public sealed class NeedToKnowAlertTests
{
    private static readonly Dictionary<string, string?> NoDelivery = new() { ["Alerts:Delivery:Enabled"] = "false" };

    [Fact]
    public async Task ReachesThePeopleOnTheListGivenASenderOnIt()
    {
        await using var h = await SituationsHarness.StartAsync(settings: NoDelivery);
        var code = await h.ReportAsync(DemoPeople.Referent);
        var partner = await h.PersonIdAsync(DemoPeople.Partner);
        using var grant = await h.PostAsync(DemoPeople.Referent, $"/api/situations/{code}/need-to-know", new { personId = partner });
        Assert.Equal(HttpStatusCode.OK, grant.StatusCode);

        using var created = await h.As(DemoPeople.Referent).PostAsJsonAsync("/api/alerts", new
        {
            severity = "Info",
            category = "Signal",
            message = "Point sur la situation",
            situationCode = code,
            needToKnow = true,
        });
        var partnerPending = await h.As(DemoPeople.Partner).GetFromJsonAsync<JsonArray>("/api/alerts/pending");
        var policePending = await h.As(DemoPeople.PoliceReferent).GetFromJsonAsync<JsonArray>("/api/alerts/pending");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(code, Assert.Single(partnerPending!)!["situationCode"]!.GetValue<string>());
        Assert.Empty(policePending!);
    }

    [Fact]
    public async Task RefusesASenderOffTheListAsIfTheSituationDidNotExist()
    {
        await using var h = await SituationsHarness.StartAsync(settings: NoDelivery);
        var code = await h.ReportAsync(DemoPeople.Referent);

        using var offList = await h.As(DemoPeople.PoliceReferent).PostAsJsonAsync("/api/alerts", new
        {
            severity = "Info",
            category = "Signal",
            message = "x",
            situationCode = code,
            needToKnow = true,
        });
        using var unknown = await h.As(DemoPeople.PoliceReferent).PostAsJsonAsync("/api/alerts", new
        {
            severity = "Info",
            category = "Signal",
            message = "x",
            situationCode = "ZZZ-9ZZ",
            needToKnow = true,
        });

        Assert.Equal(HttpStatusCode.BadRequest, offList.StatusCode);
        Assert.Equal(unknown.StatusCode, offList.StatusCode);
        Assert.Equal(
            (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["errors"]?.ToJsonString(),
            (await offList.Content.ReadFromJsonAsync<JsonObject>())!["errors"]?.ToJsonString());
    }
}
