import type { ComponentType } from "react";
import type { Person, Role } from "../api/directory";
import type { Host } from "../host/host";

/** What every page receives. */
export interface PageProps {
  /** The signed-in person, from the App's directory (roles decide what the page offers; the API decides what it shows). */
  me: Person;
  host: Host;
  /** The route's parameters (`:code` → `params.code`). */
  params: Record<string, string>;
  query: URLSearchParams;
}

/** A page's address. `roles`: only these may open it (the API checks again: this only hides what would be refused). */
export interface PageRoute {
  path: string;
  component: ComponentType<PageProps>;
  roles?: Role[];
  /**
   * The GETs the page makes as it opens, asked for together with `/api/directory/me` when someone signs in on this
   * page's address (`api.prefetch`). Only on routes open to every role: nobody is sent a request they would be refused.
   */
  prefetch?: string[];
}

/** An entry in the navigation bar. `label`: a key of the `common` namespace (`nav.situations`). */
export interface NavEntry {
  path: string;
  label: string;
  order: number;
  roles?: Role[];
}

/** What each `pages/<area>/index.ts` exports. */
export interface PageArea {
  routes: PageRoute[];
  nav?: NavEntry;
}

export function allowed(roles: Role[] | undefined, me: Person): boolean {
  return !roles || roles.some((r) => me.roles.includes(r));
}
