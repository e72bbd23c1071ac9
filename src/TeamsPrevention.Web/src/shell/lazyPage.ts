import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { PageProps } from "./types";

/** A page whose code is a chunk of its own, fetched the first time it is shown (or earlier, by `preload`). */
export type LazyPage = LazyExoticComponent<ComponentType<PageProps>> & { preload: () => Promise<unknown> };

/**
 * `lazyPage(() => import("./AlertsPage"), "AlertsPage")`: the area's page in its own chunk, so the sign-in page and the
 * dashboard load only what they show. `preload` starts the download without rendering (the shell calls it for the
 * page the address names while the person signs in).
 */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): LazyPage {
  let pending: Promise<{ default: ComponentType<PageProps> }> | undefined;
  const once = () => (pending ??= load().then((m) => ({ default: m[name] as ComponentType<PageProps> })));
  const page = lazy(once) as LazyPage;
  page.preload = once;
  return page;
}
