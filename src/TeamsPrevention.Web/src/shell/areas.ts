import { api } from "../api/client";
import { retryFailedPages } from "./lazyPage";
import type { PageArea, PageRoute } from "./types";
import { matchPath } from "./router";
import dashboard from "../pages/dashboard";
import situations from "../pages/situations";
import alerts from "../pages/alerts";
import meetings from "../pages/meetings";
import directory from "../pages/directory";
import audit from "../pages/audit";
import statistics from "../pages/statistics";
import resources from "../pages/resources";
import configure from "../pages/configure";

/**
 * Every area of the tab; each owns its folder under `pages/` and says its routes and its navigation entry. Only the
 * routes and the navigation are here: each page's code is a chunk of its own (`lazyPage`), fetched when it is shown.
 */
export const areas: PageArea[] = [dashboard, situations, alerts, meetings, directory, audit, statistics, resources, configure];

/** The route the path names and its parameters, or null. */
export function findRoute(path: string): { route: PageRoute; params: Record<string, string> } | null {
  for (const area of areas) {
    for (const route of area.routes) {
      const params = matchPath(route.path, path);
      if (params) {
        return { route, params };
      }
    }
  }
  return null;
}

/** Asks for the data the page the path names opens with (its route's `prefetch`): called once a token is there. */
export function prefetchRoute(path: string): void {
  const route = findRoute(path)?.route;
  if (route && !route.roles) {
    route.prefetch?.forEach((p) => api.prefetch(p));
  }
}

/** Starts fetching the code of the page the path names (while the person signs in), without rendering it. */
export function preloadRoute(path: string): void {
  const component = findRoute(path)?.route.component as { preload?: () => Promise<unknown> } | undefined;
  // A failed preload is not shown: the page's first render downloads it again (and shows its own failure).
  void component?.preload?.().catch(() => retryFailedPages());
}
