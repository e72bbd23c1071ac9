import { createElement, lazy, type ComponentType } from "react";
import type { PageProps } from "./types";

/** A page whose code is a chunk of its own, fetched the first time it is shown (or earlier, by `preload`). */
export type LazyPage = ComponentType<PageProps> & { preload: () => Promise<unknown> };

/**
 * `lazyPage(() => import("./AlertsPage"), "AlertsPage")`: the area's page in its own chunk, so the sign-in page and the
 * dashboard load only what they show. `preload` starts the download without rendering (the shell calls it for the
 * page the address names while the person signs in).
 *
 * Once the chunk is in, the page renders straight away. Only a page still downloading goes through `React.lazy` and
 * suspends: a suspended boundary holds its content back for 300 ms after showing its fallback (React's throttle
 * against flicker), which a preloaded page must not pay.
 */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): LazyPage {
  let loaded: ComponentType<PageProps> | undefined;
  let pending: Promise<ComponentType<PageProps>> | undefined;
  const once = () =>
    (pending ??= load().then(
      (m) => (loaded = m[name] as ComponentType<PageProps>),
      (error: unknown) => {
        pending = undefined; // a failed download is tried again on the next visit
        throw error;
      },
    ));
  const Downloading = lazy(async () => ({ default: await once() }));
  const page = ((props: PageProps) => createElement(loaded ?? Downloading, props)) as LazyPage;
  page.displayName = `LazyPage(${name})`;
  page.preload = once;
  return page;
}
