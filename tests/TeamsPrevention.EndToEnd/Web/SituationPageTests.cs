using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TeamsPrevention.EndToEnd.Infrastructure;
using static TeamsPrevention.EndToEnd.Web.SituationApiSeed;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>
/// Issue #4's walkthrough in the tab, in Chromium against the real App and its embedded sandbox: the referent signals
/// through the tab's form, the Chair includes, the private channel appears; a partner off the list sees nothing of it.
/// </summary>
public sealed class SituationPageTests
{
    /// <summary>The channel worker's pass, short so the channel appears within the test.</summary>
    private static readonly Dictionary<string, string?> FastWorker = new() { ["Situations:PassInterval"] = "00:00:01" };

    public SituationPageTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task ReferentSignalsInTheTabThenTheChairIncludesAndThePrivateChannelAppears()
    {
        using var app = AppServer.Start(FastWorker);
        await using var chromium = await ChromiumFixture.StartAsync();

        // The referent signals through the tab's form.
        var referent = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Referent, "#/situations");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Signaler une situation" }).ClickAsync();
        await referent.GetByRole(AriaRole.Checkbox, new() { Name = "Menaces" }).CheckAsync();
        await referent.GetByRole(AriaRole.Textbox, new() { Name = "Ce qui a été vu ou entendu : Menaces" }).FillAsync("Menaces verbales en classe (fictif).");
        await referent.GetByRole(AriaRole.Textbox, new() { Name = "Description libre" }).FillAsync("Signalement fictif pour le test.");
        TabShellTests.AssertNoSeriousViolations(await referent.RunAxe(), "situations: signal form");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Envoyer le signalement" }).ClickAsync();
        var created = referent.GetByText("Signalement enregistré sous le code").GetByRole(AriaRole.Link);
        await Assertions.Expect(created).ToBeVisibleAsync();
        var code = (await created.InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9]{3}-[A-Z0-9]{3}$", code);
        await Assertions.Expect(referent.Locator("[data-block=situations]").GetByRole(AriaRole.Link, new() { Name = code })).ToBeVisibleAsync();
        await TabBrowser.ScreenshotAsync(referent, "situations-referent");

        // The referent opens it and starts the screening.
        await created.ClickAsync();
        await Assertions.Expect(referent.GetByRole(AriaRole.Heading, new() { Name = $"Situation {code}", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal($"Situation {code} — TeamsPrevention", await referent.TitleAsync());
        await referent.GetByRole(AriaRole.Button, new() { Name = "Commencer l'analyse préalable" }).ClickAsync();
        await Assertions.Expect(referent.Locator("[data-block=overview]").GetByText("Analyse préalable")).ToBeVisibleAsync();
        TabShellTests.AssertNoSeriousViolations(await referent.RunAxe(), "situation: referent");

        // The Chair opens it, includes it.
        var chair = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Chair, $"#/situations/{code}");
        await Assertions.Expect(chair.GetByRole(AriaRole.Heading, new() { Name = $"Situation {code}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(chair.GetByRole(AriaRole.Button, new() { Name = "Commencer l'analyse préalable" })).ToHaveCountAsync(0);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Inscrire", Exact = true }).ClickAsync();
        await Assertions.Expect(chair.Locator("[data-block=overview]").GetByText("Inscrite")).ToBeVisibleAsync();
        await Assertions.Expect(chair.GetByRole(AriaRole.Button, new() { Name = "Clôturer", Exact = true })).ToBeVisibleAsync();

        // The private channel appears (the worker creates it in the sandbox's Graph); the page links to it.
        using var chairApi = await AsAsync(app, Oids.Chair);
        var detail = await WaitForSituationAsync(chairApi, code, d => d["channelLink"] is not null, TimeSpan.FromSeconds(60));
        Assert.Equal("Active", (string)detail["summary"]!["channel"]!);
        chair = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Chair, $"#/situations/{code}");
        var link = chair.GetByRole(AriaRole.Link, new() { Name = "Ouvrir le canal privé dans Teams" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        var href = await link.GetAttributeAsync("href");
        Assert.StartsWith("https://teams.microsoft.com/l/channel/", href, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(code), href, StringComparison.Ordinal);
        TabShellTests.AssertNoSeriousViolations(await chair.RunAxe(), "situation: chair");
        await TabBrowser.ScreenshotAsync(chair, "situation-chair-included");
        app.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task PartnerOffTheListSeesItInNoListAndIsToldItCannotBeFound()
    {
        using var app = AppServer.Start();
        using var referentApi = await AsAsync(app, Oids.Referent);
        var code = await ReportAsync(referentApi);
        await using var chromium = await ChromiumFixture.StartAsync();

        var partner = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.AssociationPartner, "#/situations");
        await Assertions.Expect(partner.Locator("[data-block=situations]").GetByText("Aucune situation.")).ToBeVisibleAsync();
        Assert.DoesNotContain(code, await partner.ContentAsync(), StringComparison.Ordinal);
        TabShellTests.AssertNoSeriousViolations(await partner.RunAxe(), "situations: partner");

        await partner.EvaluateAsync("location.hash = '#/'");
        await Assertions.Expect(partner.Locator("[data-block=my-situations]").GetByText("Aucune situation ne vous concerne.")).ToBeVisibleAsync();
        Assert.DoesNotContain(code, await partner.ContentAsync(), StringComparison.Ordinal);

        await partner.EvaluateAsync($"location.hash = '#/situations/{code}'");
        await Assertions.Expect(partner.GetByRole(AriaRole.Heading, new() { Name = "Situation introuvable", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(partner.Locator("main h2")).ToHaveCountAsync(0);
        await Assertions.Expect(partner.Locator("main button")).ToHaveCountAsync(0);
        Assert.Equal("Situation introuvable — TeamsPrevention", await partner.TitleAsync());
        TabShellTests.AssertNoSeriousViolations(await partner.RunAxe(), "situation: not found");
        await TabBrowser.ScreenshotAsync(partner, "situation-partner-not-found");
    }

    [Fact]
    public async Task ChairRevealsTheIdentityWithAReasonAndItIsMaskedAgainOnLeaving()
    {
        using var app = AppServer.Start();
        using var referentApi = await AsAsync(app, Oids.Referent);
        var code = await ReportAsync(referentApi, identity: new Dictionary<string, string> { ["firstName"] = "Prénomfictif" });
        await using var chromium = await ChromiumFixture.StartAsync();

        var chair = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Chair, $"#/situations/{code}");
        var identity = chair.Locator("[data-block=identity]");
        await Assertions.Expect(identity.GetByText("••••••")).ToBeVisibleAsync();
        Assert.DoesNotContain("Prénomfictif", await chair.ContentAsync(), StringComparison.Ordinal);

        await identity.GetByRole(AriaRole.Textbox, new() { Name = "Motif de la consultation" }).FillAsync("Préparer la réunion de cas");
        await identity.GetByRole(AriaRole.Button, new() { Name = "Révéler" }).ClickAsync();
        await Assertions.Expect(identity.GetByText("Prénomfictif")).ToBeVisibleAsync();
        Assert.DoesNotContain("Prénomfictif", await chair.TitleAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Pr%C3%A9nomfictif", chair.Url, StringComparison.Ordinal);
        Assert.Equal(0, await chair.EvaluateAsync<int>("localStorage.length + sessionStorage.length"));
        TabShellTests.AssertNoSeriousViolations(await chair.RunAxe(), "situation: identity revealed");

        await chair.EvaluateAsync("location.hash = '#/'");
        await Assertions.Expect(chair.Locator("[data-block=my-situations]")).ToBeVisibleAsync();
        await chair.EvaluateAsync($"location.hash = '#/situations/{code}'");
        await Assertions.Expect(identity.GetByText("••••••")).ToBeVisibleAsync();
        Assert.DoesNotContain("Prénomfictif", await chair.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferentIsWarnedOfANameInTheDescriptionThenSignalsWithProtectedIdentityThatStaysMaskedUntilRevealed()
    {
        using var app = AppServer.Start();
        using var referentApi = await AsAsync(app, Oids.Referent);
        await using var chromium = await ChromiumFixture.StartAsync();
        var referent = await TabBrowser.SignInAsync(chromium, app, TabBrowser.Personas.Referent, "#/situations");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Signaler une situation" }).ClickAsync();
        var form = referent.GetByRole(AriaRole.Form, new() { Name = "Signaler une situation" });

        // A name typed into the free text: warned before anything is saved, with the protected fields pointed to.
        var description = form.GetByRole(AriaRole.Textbox, new() { Name = "Description libre" });
        await description.FillAsync("Le jeune Zébulon Testfictif a menacé un camarade (fictif).");
        var identity = form.Locator("[data-identity-inputs]");
        await identity.GetByRole(AriaRole.Textbox, new() { Name = "Prénom" }).FillAsync("Zébulon");
        await identity.GetByRole(AriaRole.Textbox, new() { Name = "Nom", Exact = true }).FillAsync("Testfictif");
        await identity.GetByLabel("Date de naissance").FillAsync("2009-03-14");
        await form.GetByRole(AriaRole.Button, new() { Name = "Envoyer le signalement" }).ClickAsync();
        var warning = form.Locator("[data-personal-data-warning]");
        await Assertions.Expect(warning.GetByText("Le texte semble contenir des données personnelles")).ToBeVisibleAsync();
        await Assertions.Expect(warning.GetByText("Les données d'identité ont leur place dans les champs protégés.")).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByText("Semble contenir : un nom. Vérifiez avant d'enregistrer.")).ToBeVisibleAsync();
        Assert.Empty((await referentApi.GetFromJsonAsync<JsonArray>("/api/situations"))!);
        TabShellTests.AssertNoSeriousViolations(await referent.RunAxe(), "situations: personal-data warning");
        await TabBrowser.ScreenshotAsync(referent, "situations-personal-data-warning");

        // "Corriger": back to the description, which no longer names anyone; saved at once.
        await warning.GetByRole(AriaRole.Button, new() { Name = "Corriger" }).ClickAsync();
        await Assertions.Expect(warning).ToHaveCountAsync(0);
        await Assertions.Expect(description).ToBeFocusedAsync();
        await description.FillAsync("Menaces répétées envers un camarade (fictif).");
        await form.GetByRole(AriaRole.Button, new() { Name = "Envoyer le signalement" }).ClickAsync();
        var created = referent.GetByText("Signalement enregistré sous le code").GetByRole(AriaRole.Link);
        await Assertions.Expect(created).ToBeVisibleAsync();
        var code = (await created.InnerTextAsync()).Trim();

        // The situation page: the identity masked, revealed with a written reason, then shown.
        await created.ClickAsync();
        var block = referent.Locator("[data-block=identity]");
        await Assertions.Expect(block.Locator("[data-identity=masked]")).ToBeVisibleAsync();
        await Assertions.Expect(block.GetByText("••••••")).ToHaveCountAsync(3);
        Assert.DoesNotContain("Testfictif", await referent.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("2009-03-14", await referent.ContentAsync(), StringComparison.Ordinal);
        TabShellTests.AssertNoSeriousViolations(await referent.RunAxe(), "situation: identity masked");
        await block.GetByRole(AriaRole.Textbox, new() { Name = "Motif de la consultation" }).FillAsync("Préparer l'analyse préalable");
        await block.GetByRole(AriaRole.Button, new() { Name = "Révéler" }).ClickAsync();
        await Assertions.Expect(block.GetByText("Testfictif")).ToBeVisibleAsync();
        await Assertions.Expect(block.GetByText("2009-03-14")).ToBeVisibleAsync();
        Assert.DoesNotContain("Testfictif", await referent.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal($"Situation {code} — TeamsPrevention", await referent.TitleAsync());
        TabShellTests.AssertNoSeriousViolations(await referent.RunAxe(), "situation: identity revealed by the referent");
        app.AssertNoErrorsLogged();
    }
}
