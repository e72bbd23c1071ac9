import { findRoute } from "./areas";

/** A sub-entity as the App's links carry it: the hash route's segments, letters, digits and dashes only. */
const routeShape = /^[A-Za-z0-9-]{1,64}(\/[A-Za-z0-9-]{1,64}){0,3}$/;

/**
 * The page a Teams deep link names. Its sub-entity (`context.page.subPageId`) is the tab's hash route without `#/`
 * (`alerts/3f…`, `situations/K7M-4QX`), as the App's `TabLinks` builds it. Null when there is none (the tab opened from
 * its icon); the dashboard when it is malformed or names no page of the tab. Access is the API's to decide, as always:
 * a page the person may not see shows its own refusal.
 */
export function pathForSubPage(subPageId: string | null | undefined): string | null {
  if (!subPageId) {
    return null;
  }
  if (!routeShape.test(subPageId)) {
    return "/";
  }
  const path = "/" + subPageId;
  return findRoute(path) ? path : "/";
}

/**
 * The Teams deep link to the personal tab on `path` (what the App's cards carry, `TabLinks.TeamsDeepLink`): for a
 * browser outside Teams to offer the same page in Teams.
 */
export function teamsDeepLink(teamsAppId: string, path: string): string {
  const route = (pathForSubPage(path.replace(/^\//, "")) ?? "/").replace(/^\//, "");
  const link = `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/dashboard`;
  return route ? `${link}?context=${encodeURIComponent(JSON.stringify({ subEntityId: route }))}` : link;
}
