using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Meetings;

/// <summary>The police feedback form: only after a recorded consensus, with the no-secret confirmation, by the coordination present.</summary>
public sealed class PoliceFeedbackTests
{
    [Theory, BothProviders]
    public async Task SavesTheFeedbackOnlyAfterAConsensusAndTheNoSecretConfirmation(DatabaseProvider provider)
    {
        await using var h = await MeetingHarness.StartAsync(null, provider);
        var code = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.Coordinator, DemoPeople.PoliceReferent, MinutesSteps.Secretary);
        var id = await MinutesSteps.MeetingAsync(h);
        var itemId = await MinutesSteps.ItemIdAsync(h, id, code);
        await MinutesSteps.AttendAsync(h, id, itemId, DemoPeople.Coordinator, DemoPeople.PoliceReferent, MinutesSteps.Secretary);
        var path = $"/api/meetings/{id}/agenda/{itemId}/police-feedback";
        var form = new { text = "Suivi par le CPAS ; pas d'intervention policière demandée.", nothingUnderSecrecy = true };

        using var beforeMinutes = await h.As(DemoPeople.Coordinator).PutAsJsonAsync(path, form);
        await MinutesSteps.MinutesAsync(h, id, itemId, "Suivi social", consensus: false);
        using var withoutConsensus = await h.As(DemoPeople.Coordinator).PutAsJsonAsync(path, form);
        var blocked = await h.GetJsonAsync(DemoPeople.Coordinator, path);
        await MinutesSteps.MinutesAsync(h, id, itemId, "Suivi social", consensus: true);
        using var unconfirmed = await h.As(DemoPeople.Coordinator).PutAsJsonAsync(path, new { form.text, nothingUnderSecrecy = false });
        using var saved = await h.As(DemoPeople.Coordinator).PutAsJsonAsync(path, form);

        Assert.Equal(HttpStatusCode.Conflict, beforeMinutes.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, withoutConsensus.StatusCode);
        Assert.Equal("application/problem+json", withoutConsensus.Content.Headers.ContentType?.MediaType);
        Assert.False(blocked!["consensusRecorded"]!.GetValue<bool>());
        Assert.Null(blocked["text"]);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("nothingUnderSecrecy", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var view = await saved.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(view!["nothingUnderSecrecyConfirmed"]!.GetValue<bool>());
        Assert.Equal(1, view["version"]!.GetValue<int>());
        var audit = await h.AuditAsync();
        Assert.Single(audit, e => e.SituationCode == code && e.Purpose == "police feedback saved");
    }

    [Fact]
    public async Task LetsThePoliceReferentPresentAndTheChairReadItButNoOneElse()
    {
        await using var h = await MeetingHarness.StartAsync(null);
        var code = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.Coordinator, DemoPeople.PoliceReferent, MinutesSteps.Secretary, DemoPeople.Partner);
        var id = await MinutesSteps.MeetingAsync(h);
        var itemId = await MinutesSteps.ItemIdAsync(h, id, code);
        await MinutesSteps.AttendAsync(h, id, itemId, DemoPeople.Coordinator, DemoPeople.PoliceReferent, MinutesSteps.Secretary, DemoPeople.Partner, DemoPeople.Referent);
        await MinutesSteps.MinutesAsync(h, id, itemId, "Suivi social", consensus: true);
        var path = $"/api/meetings/{id}/agenda/{itemId}/police-feedback";
        (await h.As(DemoPeople.Coordinator).PutAsJsonAsync(path, new { text = "Retour convenu", nothingUnderSecrecy = true })).EnsureSuccessStatusCode();

        using var byPolice = await h.As(DemoPeople.PoliceReferent).GetAsync(path);
        using var byChair = await h.As(DemoPeople.Chair).GetAsync(path);
        using var byPartner = await h.As(DemoPeople.Partner).GetAsync(path);
        using var bySecretary = await h.As(MinutesSteps.Secretary).GetAsync(path);
        using var policeWrites = await h.As(DemoPeople.PoliceReferent).PutAsJsonAsync(path, new { text = "Autre", nothingUnderSecrecy = true });
        using var referentWrites = await h.As(DemoPeople.Referent).PutAsJsonAsync(path, new { text = "Autre", nothingUnderSecrecy = true });

        Assert.Equal(HttpStatusCode.OK, byPolice.StatusCode);
        var seen = await byPolice.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Retour convenu", seen!["text"]!.GetValue<string>());
        Assert.False(seen["canWrite"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, byChair.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byPartner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySecretary.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, policeWrites.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, referentWrites.StatusCode);
        var audit = await h.AuditAsync();
        Assert.Contains(audit, e => e.SituationCode == code && e.Purpose == "police feedback" && e.Actor == DemoPeople.PoliceReferent);
        Assert.Equal(2, audit.Count(e => e.SituationCode == code && e.Purpose == "police feedback read refused"));
        Assert.Equal(2, audit.Count(e => e.SituationCode == code && e.Purpose == "police feedback write refused"));
    }

    [Fact]
    public async Task RefusesTheFormToTheCoordinatorWhoWasNotPresent()
    {
        await using var h = await MeetingHarness.StartAsync(null);
        var code = await MeetingSteps.IncludedSituationAsync(h, DemoPeople.Coordinator, MinutesSteps.Secretary);
        var id = await MinutesSteps.MeetingAsync(h);
        var itemId = await MinutesSteps.ItemIdAsync(h, id, code);
        await MinutesSteps.AttendAsync(h, id, itemId, MinutesSteps.Secretary);
        await MinutesSteps.MinutesAsync(h, id, itemId, "Suivi social", consensus: true);

        using var write = await h.As(DemoPeople.Coordinator).PutAsJsonAsync($"/api/meetings/{id}/agenda/{itemId}/police-feedback", new { text = "Retour", nothingUnderSecrecy = true });

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }
}
