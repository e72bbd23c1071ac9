using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TeamsPrevention.Shared;

/// <summary>
/// The links the product sends out, read back from what it sent: an Adaptive Card's <c>url</c>s and the Markdown links
/// of its texts, a bot message's Markdown links, an HTML body's <c>href</c>s. And what a link names: the tab's page (the
/// hash route of a web address, or the sub-entity of a Teams deep link to the personal tab). Shared as a linked file by
/// the test projects.
/// </summary>
internal static partial class EmittedLinks
{
    /// <summary>A Teams meeting's join link (the Teams client opens it, not the tab).</summary>
    public const string JoinPrefix = "https://teams.microsoft.com/l/meetup-join/";

    private const string EntityPrefix = "https://teams.microsoft.com/l/entity/";

    /// <summary>Every link a card (or any JSON the bot sent) carries: <c>url</c> properties and Markdown links in its strings.</summary>
    public static IReadOnlyList<string> InCard(JsonNode? node)
    {
        var links = new List<string>();
        Walk(node, null, links);
        return [.. links.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The Markdown links of a bot message's text.</summary>
    public static IReadOnlyList<string> InMarkdown(string? text) =>
        [.. MarkdownLink().Matches(text ?? "").Select(m => m.Groups["url"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>The <c>href</c>s of an HTML body (an Outlook event's), decoded.</summary>
    public static IReadOnlyList<string> InHtml(string? html) =>
        [.. Href().Matches(html ?? "").Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The tab route a link names (<c>alerts/3f…</c>; <c>""</c> for the dashboard): after <c>#/</c> in an address of
    /// <paramref name="tab"/>, or a Teams deep link's <c>subEntityId</c>. Null when it is no link to the tab.
    /// </summary>
    public static string? RouteOf(string link, Uri tab)
    {
        var root = tab.AbsoluteUri.EndsWith('/') ? tab.AbsoluteUri : tab.AbsoluteUri + "/";
        if (link.StartsWith(root + "#/", StringComparison.Ordinal))
        {
            return link[(root.Length + 2)..];
        }

        if (!link.StartsWith(EntityPrefix, StringComparison.Ordinal) || !Uri.TryCreate(link, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var context = uri.Query.TrimStart('?').Split('&').FirstOrDefault(p => p.StartsWith("context=", StringComparison.Ordinal));
        return context is null
            ? ""
            : JsonNode.Parse(Uri.UnescapeDataString(context["context=".Length..]))?["subEntityId"]?.GetValue<string>();
    }

    /// <summary>
    /// True when the route names a page by ids and codes only: a list, <c>alerts/new</c>, a GUID or a situation code.
    /// </summary>
    public static bool NamesIdsAndCodesOnly(string route) => route.Length == 0 || RouteShape().IsMatch(route);

    private static void Walk(JsonNode? node, string? name, List<string> links)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    Walk(value, key, links);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Walk(item, name, links);
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                if (name == "url")
                {
                    links.Add(text);
                }

                links.AddRange(InMarkdown(text));
                break;
        }
    }

    [GeneratedRegex(@"\]\((?<url>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("href=\"(?<url>[^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("^(alerts|situations|meetings)(/(new|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Z0-9]{3}-[A-Z0-9]{3}))?$")]
    private static partial Regex RouteShape();
}
