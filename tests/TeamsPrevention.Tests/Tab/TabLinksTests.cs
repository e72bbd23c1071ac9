using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Hosting;
using TeamsPrevention.App.Meetings;
using TeamsPrevention.App.Situations;
using TeamsPrevention.App.Tab;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Shared;
using TeamsPrevention.Tests.Cards;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Tab;

/// <summary>
/// The one link builder: the Teams deep link's exact format, the web address, the sandbox's local links, what a link
/// may carry (ids and codes only), and the old <c>/tab/…</c> links answered with a redirect.
/// </summary>
public sealed class TabLinksTests
{
    private static readonly Guid AlertId = Guid.Parse("3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e");
    private static readonly Guid MeetingId = Guid.Parse("0b1c2d3e-0000-4000-8000-000000000002");

    [Fact]
    public void LinksCardsToThePersonalTabsPageWithTheDeepLinkMicrosoftDocuments()
    {
        var links = TestTabLinks.InTeams();

        Assert.Equal(
            "https://teams.microsoft.com/l/entity/5d7c1e2a-8f34-4b6d-9a0e-2c4b6d8f0a13/dashboard?context=%7B%22subEntityId%22%3A%22alerts%2F3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e%22%7D",
            links.Alert(AlertId).InTeams);
        Assert.Equal(TestTabLinks.DeepLink("alerts/new"), links.NewAlert().InTeams);
        Assert.Equal(TestTabLinks.DeepLink("situations/K7M-4QX"), links.Situation("K7M-4QX").InTeams);
        Assert.Equal(TestTabLinks.DeepLink($"meetings/{MeetingId:D}"), links.Meeting(MeetingId).InTeams);
        Assert.Equal(TestTabLinks.DeepLink("situations"), links.Situations().InTeams);
        Assert.Equal("https://teams.microsoft.com/l/entity/5d7c1e2a-8f34-4b6d-9a0e-2c4b6d8f0a13/dashboard", links.Dashboard().InTeams);

        // The context is the URL-encoded JSON {"subEntityId": route}: what the tab reads back as context.page.subPageId.
        var query = new Uri(links.Meeting(MeetingId).InTeams).Query;
        Assert.StartsWith("?context=", query, StringComparison.Ordinal);
        var context = JsonNode.Parse(Uri.UnescapeDataString(query["?context=".Length..]))!.AsObject();
        Assert.Equal($"meetings/{MeetingId:D}", Assert.Single(context).Value!.GetValue<string>());
        Assert.Equal("subEntityId", context.Single().Key);
        Assert.Equal(links.Meeting(MeetingId).Route, EmittedLinks.RouteOf(links.Meeting(MeetingId).InTeams, new Uri("https://tp.example/")));
    }

    [Fact]
    public void NamesTheStaticTabAndTheAppOfTheAppPackage()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "appPackage", "manifest.json")))!;
        var personal = manifest["staticTabs"]!.AsArray().Single(t => t!["contentUrl"] is not null)!;

        Assert.Equal(TabLinks.PersonalTabEntityId, personal["entityId"]!.GetValue<string>());
        Assert.Contains("personal", personal["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        // The deep link's app id is the package's id, set per environment (Tab:TeamsAppId = TP_TEAMS_APP_ID).
        Assert.Equal("${{TEAMS_APP_ID}}", manifest["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("https://tp.example/", "https://tp.example/#/alerts/new")]
    [InlineData("https://city.example/prevention", "https://city.example/prevention/#/alerts/new")]
    [InlineData("https://city.example/prevention/", "https://city.example/prevention/#/alerts/new")]
    public void LinksOutsideTeamsToTheTabsWebAddressUnderThePublicBaseUrl(string publicBaseUrl, string expected)
    {
        var links = TestTabLinks.InTeams(publicBaseUrl);

        Assert.Equal(expected, links.NewAlert().Outside);
        Assert.Equal(expected.Replace("alerts/new", $"meetings/{MeetingId:D}", StringComparison.Ordinal), links.Meeting(MeetingId).Outside);
        Assert.Equal(expected.Replace("alerts/new", "", StringComparison.Ordinal), links.Dashboard().Outside);
    }

    [Fact]
    public void OpensTheLocalTabOnThePageFromBothKindsInTheSandbox()
    {
        var links = TestTabLinks.InSandbox("http://127.0.0.1:5080");

        Assert.Null(links.TeamsAppId);
        Assert.Equal($"http://127.0.0.1:5080/#/alerts/{AlertId:D}", links.Alert(AlertId).InTeams);
        Assert.Equal($"http://127.0.0.1:5080/#/alerts/{AlertId:D}", links.Alert(AlertId).Outside);
        Assert.Equal("http://127.0.0.1:5080/#/situations/K7M-4QX", links.Situation("K7M-4QX").InTeams);
    }

    [Fact]
    public void FallsBackToTheWebAddressWithoutATeamsAppIdOutsideProduction()
    {
        var links = new TabLinks(
            Options.Create(new AppOptions { PublicBaseUrl = new Uri("https://tp.example/") }),
            Options.Create(new TabOptions()),
            Options.Create(new SandboxHostingOptions()));

        Assert.Null(links.TeamsAppId);
        Assert.Equal("https://tp.example/#/situations/K7M-4QX", links.Situation("K7M-4QX").InTeams);
    }

    [Theory]
    [InlineData("Jean Dupont")]
    [InlineData("k7m-4qx")]
    [InlineData("K7M/../audit")]
    [InlineData("K7M-4QX?x=1")]
    [InlineData("")]
    public void RefusesToLinkASituationByAnythingButItsCode(string code)
    {
        Assert.ThrowsAny<ArgumentException>(() => TestTabLinks.InTeams().Situation(code));
    }

    /// <summary>
    /// Every card the App builds (the catalogue, every language and state), the situation notices and the Outlook body:
    /// each link is a Teams meeting's join link or a page of the tab named by ids and codes only — never a name.
    /// </summary>
    [Fact]
    public void LinksNothingButIdsAndCodesFromAnyCardNoticeOrEventBody()
    {
        var tab = new Uri("https://tp.example/");
        var links = TestTabLinks.InTeams();
        var emitted = new List<(string Source, string Link)>();
        foreach (var (name, card) in AppCardCatalogue.All())
        {
            emitted.AddRange(EmittedLinks.InCard(card).Select(l => (name, l)));
        }

        foreach (var notice in Enum.GetValues<SituationNotice>())
        {
            foreach (var language in Enum.GetValues<UserLanguage>())
            {
                var text = SituationNotifier.Text(notice, language, "K7M-4QX", links.Situation("K7M-4QX").InTeams);
                var link = Assert.Single(EmittedLinks.InMarkdown(text));
                emitted.Add(($"{notice} ({language})", link));
            }
        }

        var meeting = new Meeting { Id = MeetingId, Organizer = "marc.lambert@namur-demo.example", Kind = MeetingKind.Case, StartAt = DateTimeOffset.UtcNow.AddDays(3), EndAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(2) };
        var body = MeetingInvite.Build(meeting, ["claire.dubois@namur-demo.example"], links.Meeting(MeetingId).Outside).BodyHtml;
        emitted.Add(("Outlook event body", Assert.Single(EmittedLinks.InHtml(body))));

        Assert.Contains(emitted, e => e.Source.StartsWith("alert ", StringComparison.Ordinal));
        Assert.Contains(emitted, e => e.Source.StartsWith("meeting agenda", StringComparison.Ordinal));
        Assert.Contains(emitted, e => e.Source.StartsWith("situation list", StringComparison.Ordinal));
        foreach (var (source, link) in emitted)
        {
            if (link.StartsWith(EmittedLinks.JoinPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var route = EmittedLinks.RouteOf(link, tab);
            Assert.True(route is not null, $"{source}: {link} leads nowhere in the tab");
            Assert.True(EmittedLinks.NamesIdsAndCodesOnly(route), $"{source}: {link} names '{route}'");
            Assert.DoesNotContain(DemoTenant.Personas, p => link.Contains(p.DisplayName, StringComparison.OrdinalIgnoreCase)
                || link.Contains(Uri.EscapeDataString(p.DisplayName), StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("/tab/alerts/3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e", "http://localhost:5080/#/alerts/3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e")]
    [InlineData("/tab/alerts/new", "http://localhost:5080/#/alerts/new")]
    [InlineData("/tab/situations/K7M-4QX", "http://localhost:5080/#/situations/K7M-4QX")]
    [InlineData("/tab/meetings/0b1c2d3e-0000-4000-8000-000000000002", "http://localhost:5080/#/meetings/0b1c2d3e-0000-4000-8000-000000000002")]
    public async Task RedirectsALinkSentBeforeTheHashRoutesToItsPage(string path, string page)
    {
        using var app = new AppFactory();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("/tab/")]
    [InlineData("/tab/index.html")]
    [InlineData("/tab/dashboard")]
    [InlineData("/tab/audit")]
    [InlineData("/tab/alerts/not-an-id")]
    [InlineData("/tab/situations/Jean%20Dupont")]
    [InlineData("/tab/situations/K7M-4QX/identity")]
    [InlineData("/tab/meetings/new")]
    public async Task ServesNothingElseUnderTab(string path)
    {
        using var app = new AppFactory();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TeamsPrevention.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}
