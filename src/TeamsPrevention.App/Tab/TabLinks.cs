using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Tab;

/// <summary>
/// Every link the product sends out, to a page of the tab: one method per page. Each link comes in two kinds
/// (<see cref="TabLink"/>): in Teams, a deep link to the personal tab whose sub-entity is the page's hash route
/// (<c>https://teams.microsoft.com/l/entity/{Tab:TeamsAppId}/dashboard?context={"subEntityId":"alerts/…"}</c>, the
/// context URL-encoded, as Microsoft documents it); outside Teams, the tab's web address
/// (<c>{App:PublicBaseUrl}/#/alerts/…</c>). With a sandbox configured there is no Teams client: both kinds are the
/// local tab's address. Without a sandbox and without <c>Tab:TeamsAppId</c> (allowed outside Production only) the
/// in-Teams links are web addresses too.
/// </summary>
public sealed class TabLinks
{
    /// <summary>Where Teams deep links to an app's tab start.</summary>
    public const string TeamsEntityPrefix = "https://teams.microsoft.com/l/entity/";

    /// <summary>The personal tab's <c>entityId</c> in <c>appPackage/manifest.json</c>.</summary>
    public const string PersonalTabEntityId = "dashboard";

    /// <summary>The longest situation code a link may carry (<c>SituationCodes.MaxLength</c>).</summary>
    private const int MaxCodeLength = 16;

    private readonly string _web;
    private readonly string? _teamsAppId;

    public TabLinks(IOptions<AppOptions> app, IOptions<TabOptions> tab, IOptions<SandboxHostingOptions> sandbox)
    {
        var publicBaseUrl = app.Value.PublicBaseUrl.AbsoluteUri;
        _web = publicBaseUrl.EndsWith('/') ? publicBaseUrl : publicBaseUrl + "/";
        var inSandbox = TenantOptionsSetup.SandboxBase(sandbox.Value, app.Value) is not null;
        _teamsAppId = inSandbox || string.IsNullOrWhiteSpace(tab.Value.TeamsAppId) ? null : tab.Value.TeamsAppId.Trim();
    }

    /// <summary>The Teams app id in-Teams links name; null when they are web addresses (the sandbox, or no id set).</summary>
    public string? TeamsAppId => _teamsAppId;

    /// <summary>The dashboard (the personal tab's first page).</summary>
    public TabLink Dashboard() => For("");

    /// <summary>The alerts list.</summary>
    public TabLink Alerts() => For("alerts");

    /// <summary>The form to write an alert.</summary>
    public TabLink NewAlert() => For("alerts/new");

    /// <summary>One alert (its tracking for the sender, its content and answer for a recipient).</summary>
    public TabLink Alert(Guid alertId) => For("alerts/" + alertId.ToString("D"));

    /// <summary>The situations list.</summary>
    public TabLink Situations() => For("situations");

    /// <summary>One situation, by its code (need-to-know checked by the API as always).</summary>
    public TabLink Situation(string code) => For("situations/" + Code(code));

    /// <summary>The meetings list.</summary>
    public TabLink Meetings() => For("meetings");

    /// <summary>One meeting and its agenda.</summary>
    public TabLink Meeting(Guid meetingId) => For("meetings/" + meetingId.ToString("D"));

    /// <summary>The tab's web address for <paramref name="route"/>: <c>{publicBaseUrl}/#/{route}</c>.</summary>
    public static string WebAddress(Uri publicBaseUrl, string route)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        var root = publicBaseUrl.AbsoluteUri;
        return (root.EndsWith('/') ? root : root + "/") + "#/" + route;
    }

    /// <summary>
    /// The Teams deep link to the personal tab on <paramref name="route"/>; the dashboard's link carries no context.
    /// </summary>
    public static string TeamsDeepLink(string teamsAppId, string route)
    {
        var link = TeamsEntityPrefix + Uri.EscapeDataString(teamsAppId) + "/" + PersonalTabEntityId;
        return route.Length == 0
            ? link
            : link + "?context=" + Uri.EscapeDataString(new JsonObject { ["subEntityId"] = route }.ToJsonString());
    }

    private TabLink For(string route)
    {
        var outside = _web + "#/" + route;
        return new TabLink(route, _teamsAppId is null ? outside : TeamsDeepLink(_teamsAppId, route), outside);
    }

    /// <summary>
    /// The situation code a link to one situation's page carries — the Teams deep link to this app's personal tab
    /// (<c>subEntityId</c> <c>situations/{code}</c>) or the tab's web address (<c>#/situations/{code}</c>) — or null
    /// for any other link (another app, another host, another page, not a code). Nothing is looked up.
    /// </summary>
    public string? SituationCodeOf(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        string? route = null;
        var address = link.AbsoluteUri;
        if (address.StartsWith(_web + "#/", StringComparison.OrdinalIgnoreCase))
        {
            route = Uri.UnescapeDataString(address[(_web.Length + 2)..]);
        }
        else if (_teamsAppId is not null
                 && address.StartsWith(TeamsEntityPrefix + Uri.EscapeDataString(_teamsAppId) + "/" + PersonalTabEntityId + "?", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var pair in link.Query.TrimStart('?').Split('&'))
            {
                if (pair.StartsWith("context=", StringComparison.Ordinal))
                {
                    try
                    {
                        route = JsonNode.Parse(Uri.UnescapeDataString(pair["context=".Length..]))?["subEntityId"]?.GetValue<string>();
                    }
                    catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
                    {
                        route = null;
                    }
                }
            }
        }

        const string prefix = "situations/";
        if (route is null || !route.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var code = route[prefix.Length..];
        return IsSituationCode(code) ? code : null;
    }

    /// <summary>
    /// True for a situation code as links carry it: 1 to 16 capitals, digits and dashes, nothing else (no lower case, no
    /// trailing newline — which a route's <c>regex</c> constraint lets through, being case-insensitive and its <c>$</c>
    /// matching before a final <c>\n</c>).
    /// </summary>
    public static bool IsSituationCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= MaxCodeLength && code.All(c => c is '-' or (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    /// <summary>A situation code as links carry it: capitals, digits and dashes only (anything else is a bug).</summary>
    private static string Code(string code)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        if (!IsSituationCode(code))
        {
            throw new ArgumentException("A situation code has capitals, digits and dashes only.", nameof(code));
        }

        return code;
    }
}
