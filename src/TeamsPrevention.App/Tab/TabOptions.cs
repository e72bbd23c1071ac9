using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Tab;

/// <summary>How the tab's web front end is served. Bound from the <c>Tab</c> section.</summary>
public sealed class TabOptions
{
    public const string Section = "Tab";

    /// <summary>
    /// The hosts that may frame the tab (<c>frame-ancestors</c>): Teams, Outlook and Microsoft 365 on the web and in
    /// their desktop and mobile clients. The App's own origin (the sandbox's pages) is always allowed.
    /// </summary>
    [MinLength(1)]
    public string[] FrameAncestors { get; set; } =
    [
        "https://teams.microsoft.com",
        "https://*.teams.microsoft.com",
        "https://teams.cloud.microsoft",
        "https://*.cloud.microsoft",
        "https://outlook.office.com",
        "https://outlook.office365.com",
        "https://outlook.cloud.microsoft",
        "https://*.office.com",
        "https://*.microsoft365.com",
    ];

    /// <summary>A signed-in tab session ends after this long without any request, whatever the token's lifetime.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "08:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Where the built front end lives. Empty: <c>tab/</c> beside the App's assembly, where the build copies
    /// <c>src/TeamsPrevention.Web/dist</c>.
    /// </summary>
    public string? SiteRoot { get; set; }

    /// <summary>
    /// The app's id in Teams, for the deep links cards and bot messages carry (<see cref="TabLinks"/>): the manifest's
    /// <c>id</c> (<c>TP_TEAMS_APP_ID</c> when the package was built, see <c>appPackage/env</c>) for an uploaded custom
    /// app, or the id the organisation's catalogue gave it once an administrator published it there. Required in
    /// Production; with a sandbox configured the links open the local tab and this is not used.
    /// </summary>
    public string? TeamsAppId { get; set; }
}
