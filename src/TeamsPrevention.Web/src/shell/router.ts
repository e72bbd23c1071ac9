import { useSyncExternalStore } from "react";

/**
 * A hash router: the page's address is `/#/situations/K7M-4QX`. Only codes and ids ever go into it — never a name,
 * an e-mail or any text a person typed — and the server sees none of it.
 */
export interface Location {
  path: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, "") || "/";
  const [path, search] = raw.split("?", 2);
  const normalised = "/" + path.split("/").filter(Boolean).join("/");
  return { path: normalised, query: new URLSearchParams(search ?? "") };
}

/** Matches `/situations/:code` against `/situations/K7M-4QX` → `{ code: "K7M-4QX" }`, or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) {
    return null;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(":")) {
      params[want[i].slice(1)] = decodeURIComponent(got[i]);
    } else if (want[i] !== got[i]) {
      return null;
    }
  }
  return params;
}

/** The link for a page: `href("/situations", "K7M-4QX")` → `#/situations/K7M-4QX`. */
export function href(...segments: string[]): string {
  return "#/" + segments.flatMap((s) => s.split("/")).filter(Boolean).map(encodeURIComponent).join("/");
}

export function navigate(path: string): void {
  window.location.hash = path.startsWith("#") ? path : "#" + path;
}

function subscribe(callback: () => void): () => void {
  window.addEventListener("hashchange", callback);
  return () => window.removeEventListener("hashchange", callback);
}

export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => "");
  return parseHash(hash);
}
