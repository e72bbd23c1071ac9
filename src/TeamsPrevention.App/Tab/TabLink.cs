namespace TeamsPrevention.App.Tab;

/// <summary>
/// One page of the tab as a link names it (built by <see cref="TabLinks"/>). Ids and codes only: never a name or a
/// text a person typed.
/// </summary>
/// <param name="Route">The tab's hash route without its <c>#/</c> (<c>alerts/3f…</c>, <c>situations/K7M-4QX</c>); also
/// the Teams deep link's sub-entity id, which the tab reads back on opening.</param>
/// <param name="InTeams">For cards and bot messages: a Teams deep link to the app's personal tab on this page (in the
/// sandbox: the local tab's address).</param>
/// <param name="Outside">For the Outlook event body and anything read outside Teams: the tab's web address,
/// <c>{App:PublicBaseUrl}/#/{Route}</c>.</param>
public sealed record TabLink(string Route, string InTeams, string Outside);
