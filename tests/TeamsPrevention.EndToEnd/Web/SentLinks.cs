using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TeamsPrevention.EndToEnd.Infrastructure;
using TeamsPrevention.Shared;

namespace TeamsPrevention.EndToEnd.Web;

/// <summary>
/// One link the App sent: to whom (the persona whose chat holds it), in what (a card's or a text's state), and the tab
/// route it names (null for a Teams meeting's join link, which opens Teams, not the tab).
/// </summary>
public sealed record SentLink(string ObjectId, string DisplayName, string Source, string Link, string? Route);

/// <summary>
/// The personas' side of the embedded sandbox over HTTP (install, type, press a card's button) and the links the App
/// really sent, read back from their chats (every version of every bot activity, and the card as a refresh shows it),
/// then followed in Chromium as the persona who received them.
/// </summary>
public sealed class SentLinks(AppServer app, HttpClient http)
{
    private IReadOnlyList<JsonObject>? _personas;

    /// <summary>The city's personas (object id, display name, language).</summary>
    public async Task<IReadOnlyList<JsonObject>> PersonasAsync() =>
        _personas ??= [.. (await http.GetFromJsonAsync<JsonArray>("sandbox/inbox/personas"))!.OfType<JsonObject>().Where(p => (string?)p["organisation"] != "other")];

    /// <summary>Installs the app for every persona, as Teams does when they open it (the bot learns each personal chat).</summary>
    public async Task InstallEveryoneAsync()
    {
        foreach (var persona in await PersonasAsync())
        {
            using var installed = await http.PostAsync(new Uri($"sandbox/inbox/{persona["objectId"]}/install", UriKind.Relative), null);
            installed.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Types <paramref name="text"/> in the persona's chat with the bot.</summary>
    public async Task SayAsync(string objectId, string text)
    {
        using var response = await http.PostAsJsonAsync(new Uri($"sandbox/inbox/{objectId}/messages", UriKind.Relative), new { text });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Presses a button of the bot's last card whose JSON contains <paramref name="marker"/>, as the persona.</summary>
    public async Task<JsonObject> PressAsync(string objectId, string marker, string verb, object data)
    {
        var card = await WaitForActivityAsync(objectId, a => (a["attachments"]?.ToJsonString() ?? "").Contains(marker, StringComparison.Ordinal));
        using var response = await http.PostAsJsonAsync(
            new Uri($"sandbox/inbox/{objectId}/invoke", UriKind.Relative), new { replyToId = (string)card["id"]!, verb, data });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Waits for <paramref name="atLeast"/> bot activities in the persona's chat that match; answers the last.</summary>
    public async Task<JsonObject> WaitForActivityAsync(string objectId, Func<JsonObject, bool> match, int atLeast = 1)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var found = (await BotActivitiesAsync(objectId)).Where(match).ToList();
            if (found.Count >= atLeast)
            {
                return found[^1];
            }

            Assert.True(DateTime.UtcNow < until, $"Nothing matching reached {objectId}'s chat.");
            await Task.Delay(250);
        }
    }

    /// <summary>Every link in every persona's chat: each version of each bot activity and the card a refresh shows.</summary>
    public async Task<IReadOnlyList<SentLink>> CollectAsync()
    {
        var links = new List<SentLink>();
        foreach (var persona in await PersonasAsync())
        {
            var oid = (string)persona["objectId"]!;
            foreach (var activity in await BotActivitiesAsync(oid))
            {
                var states = new List<(string State, JsonNode? Node)> { ("shown", activity["attachments"]), ("text", activity["text"]) };
                states.AddRange((activity["versions"] as JsonArray ?? []).Select((v, i) => ($"version {i + 1}", (JsonNode?)v)));
                foreach (var (state, node) in states)
                {
                    foreach (var link in EmittedLinks.InCard(node))
                    {
                        links.Add(Link(persona, $"{Describe(activity)} ({state})", link));
                    }
                }
            }
        }

        return links;
    }

    /// <summary>A link the App sent elsewhere (the Outlook event, a channel), as received by <paramref name="objectId"/>.</summary>
    public async Task<SentLink> LinkForAsync(string objectId, string source, string link) =>
        Link((await PersonasAsync()).Single(p => (string)p["objectId"]! == objectId), source, link);

    /// <summary>
    /// Opens the link in a fresh browser, signs the persona in there and checks the page the link names opened on its
    /// own API read, answered <paramref name="status"/> (200: the content; 404: the page's refusal).
    /// </summary>
    public static async Task<IPage> FollowAsync(ChromiumFixture chromium, SentLink sent, int status = 200)
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(sent.Link);
        Assert.NotNull(sent.Route);
        var reads = ApiReadOf(sent.Route);
        var signIn = page.GetByRole(AriaRole.Button, new() { Name = $"Se connecter en tant que {sent.DisplayName}" });
        if (reads is null)
        {
            await signIn.ClickAsync();
        }
        else
        {
            var response = await page.RunAndWaitForResponseAsync(
                () => signIn.ClickAsync(), r => new Uri(r.Url).AbsolutePath == reads && r.Request.Method == "GET", new() { Timeout = 30_000 });
            Assert.True(response.Status == status, $"{sent.Source} → {sent.Link} as {sent.DisplayName}: {reads} answered {response.Status}");
        }

        await Assertions.Expect(page.Locator("header nav")).ToBeVisibleAsync();
        Assert.Equal("#/" + sent.Route, new Uri(page.Url).Fragment);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>The API read that opens the page a route names (null for a page that reads nothing first).</summary>
    private static string? ApiReadOf(string route) => route.Split('/') switch
    {
        ["alerts", "new"] => null,
        [var area, var id] => $"/api/{area}/{id}",
        _ => null,
    };

    private async Task<IReadOnlyList<JsonObject>> BotActivitiesAsync(string objectId)
    {
        var chat = await http.GetFromJsonAsync<JsonObject>(new Uri($"sandbox/inbox/{objectId}", UriKind.Relative));
        return [.. (chat?["conversation"]?["activities"] as JsonArray ?? []).OfType<JsonObject>().Where(a => (string?)a["from"] == "bot")];
    }

    private SentLink Link(JsonObject persona, string source, string link)
    {
        var route = EmittedLinks.RouteOf(link, app.BaseAddress);
        Assert.True(route is not null || link.StartsWith(EmittedLinks.JoinPrefix, StringComparison.Ordinal), $"{source}: {link} leads neither to the tab nor to a Teams meeting");
        return new SentLink((string)persona["objectId"]!, (string)persona["displayName"]!, source, link, route);
    }

    /// <summary>What an activity is, for messages: its card's first text (a title, never content) or its text's start.</summary>
    private static string Describe(JsonObject activity)
    {
        var card = activity["attachments"]?[0]?["content"];
        var title = card?["body"]?[0]?["text"]?.GetValue<string>() ?? activity["text"]?.GetValue<string>() ?? "?";
        return title.Length > 60 ? title[..60] : title;
    }
}
