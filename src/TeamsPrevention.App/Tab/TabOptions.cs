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

    /// <summary>
    /// The clients whose tokens the API accepts (<c>azp</c>), besides the App's own registration: Microsoft's Teams,
    /// Microsoft 365 and Outlook hosts as their documentation lists them for tab and add-in single sign-on. A token issued
    /// to any other application is refused (403, audited) on every <c>/api</c> route.
    /// </summary>
    [MinLength(1)]
    public string[] AllowedClientIds { get; set; } =
    [
        "1fec8e78-bce4-4aaf-ab1b-5451cc387264", // Teams desktop and mobile
        "5e3ce6c0-2b1f-4285-8d4b-75ee78787346", // Teams web
        "4765445b-32c6-49b0-83e6-1d93765276ca", // Microsoft 365 web
        "0ec893e0-5785-4de6-99da-4ed124e5296c", // Microsoft 365 desktop
        "d3590ed6-52b3-4102-aeff-aad2292ab01c", // Microsoft 365 mobile, Outlook desktop
        "bc59ab01-8403-45c6-8796-ac3ef710b3e3", // Outlook web
        "27922004-5251-4030-b22d-91ecd9a37ea4", // Outlook mobile
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
